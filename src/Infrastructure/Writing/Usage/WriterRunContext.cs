using Digest.Domain.Generation;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>What the calls made in this scope are for; the ledger stamps every row with it.</summary>
public sealed class WriterRunContext
{
    public Guid? RunId { get; private set; }
    public ModelCallPurpose Purpose { get; private set; } = ModelCallPurpose.Generation;

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
