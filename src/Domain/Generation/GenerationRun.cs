namespace Digest.Domain.Generation;

/// <summary>One attempt to write the draft of an edition: what went in, what it cost, and how it ended.</summary>
public sealed class GenerationRun
{
    private GenerationRun() { }

    public Guid Id { get; private set; }
    public DateOnly EditionDate { get; private set; }
    /// <summary>What started it: "schedule", "dashboard by …", "command line".</summary>
    public string Trigger { get; private set; } = "";
    public string Writer { get; private set; } = "";
    public RunStatus Status { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public Guid? PostId { get; private set; }
    public string? Message { get; private set; }
    public List<SourceOutcome> SourceOutcomes { get; private set; } = [];
    public int PromptTokens { get; private set; }
    public int CompletionTokens { get; private set; }
    public decimal EstimatedCost { get; private set; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public static GenerationRun Start(DateOnly edition, string trigger, string writer, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        EditionDate = edition,
        Trigger = trigger,
        Writer = writer,
        Status = RunStatus.Running,
        StartedAt = at,
    };

    public void RecordSources(IEnumerable<SourceOutcome> outcomes) => SourceOutcomes = [.. outcomes];

    public void RecordUsage(int promptTokens, int completionTokens, decimal cost)
    {
        PromptTokens += promptTokens;
        CompletionTokens += completionTokens;
        EstimatedCost += cost;
    }

    public void Succeed(Guid postId, DateTime at, string? message = null) => Finish(RunStatus.Succeeded, at, message, postId);

    public void Skip(string reason, DateTime at, Guid? existingPostId = null) => Finish(RunStatus.Skipped, at, reason, existingPostId);

    public void Fail(string reason, DateTime at) => Finish(RunStatus.Failed, at, reason, null);

    private void Finish(RunStatus status, DateTime at, string? message, Guid? postId)
    {
        Status = status;
        FinishedAt = at;
        Message = message;
        PostId = postId;
    }
}
