using Digest.Domain.Generation;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>What the calls made in this scope are for; the ledger stamps every row with it.</summary>
public sealed class WriterRunContext
{
    public Guid? RunId { get; private set; }
    public ModelCallPurpose Purpose { get; private set; } = ModelCallPurpose.Generation;

    /// <summary>Cancelled when the run's deadline passes; sections not written by then are left for the editor.</summary>
    public CancellationToken Deadline { get; private set; }

    /// <summary>How long the run was given, for the note on what it left unwritten.</summary>
    public TimeSpan? DeadlineLength { get; private set; }

    public void WithDeadline(TimeSpan length, CancellationToken deadline)
    {
        Deadline = deadline;
        DeadlineLength = length;
    }

    public void ForRun(Guid runId)
    {
        RunId = runId;
        Purpose = ModelCallPurpose.Generation;
    }

    public void For(ModelCallPurpose purpose)
    {
        RunId = null;
        Purpose = purpose;
    }
}
