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
    /// <summary>Requests sent to a model (repairs included); answers served from the cache are counted apart.</summary>
    public int ModelCalls { get; private set; }
    public int CachedAnswers { get; private set; }
    /// <summary>The prompt versions the run used, e.g. "system@v1, topic@v2".</summary>
    public string? Prompts { get; private set; }
    /// <summary>Sections the writer skipped, failed or handed to the fallback model, and why.</summary>
    public List<SectionNote> SectionNotes { get; private set; } = [];
    /// <summary>A token budget (the run's or the day's) stopped the writer before every section was written.</summary>
    public bool BudgetReached { get; private set; }
    /// <summary>The process writing the run ("host/pid/start"); while it runs, the run is the edition's lock.</summary>
    public string? Owner { get; private set; }
    /// <summary>When the owner last said it was still writing; a run left without one for long is failed by recovery.</summary>
    public DateTime? HeartbeatAt { get; private set; }
    /// <summary>The Hangfire job the run was started in, if any, so a dead worker's job can be closed too.</summary>
    public string? JobId { get; private set; }
    /// <summary>Model-written sentences of the draft's topics and headlines when it was written; null for runs before grounding was checked.</summary>
    public int? SentencesWritten { get; private set; }
    /// <summary>Of those, sentences that rest on a passage of their sources and state nothing the sources do not contain.</summary>
    public int? SentencesGrounded { get; private set; }
    /// <summary>Sentences stating a number, name, quote or date found in none of their sources.</summary>
    public int? SentencesUnsupported { get; private set; }
    /// <summary>Statements the optional second opinion (a verification prompt) said the sources do not support; null when it was off.</summary>
    public int? SentencesFlaggedByModel { get; private set; }
    /// <summary>Discussion comments read for the topics and given to the writer.</summary>
    public int CommentsRead { get; private set; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public int TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Grounded sentences as a share of the sentences written, or null when nothing was checked.</summary>
    public double? GroundedShare => SentencesWritten is > 0 && SentencesGrounded is { } grounded ? (double)grounded / SentencesWritten.Value : null;

    public static GenerationRun Start(DateOnly edition, string trigger, string writer, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        EditionDate = edition,
        Trigger = trigger,
        Writer = writer,
        Status = RunStatus.Running,
        StartedAt = at,
    };

    /// <summary>Says which process writes the run (and in which job); the first heartbeat is now.</summary>
    public void OwnedBy(string owner, string? jobId, DateTime at)
    {
        Owner = owner;
        JobId = jobId;
        HeartbeatAt = at;
    }

    public void RecordSources(IEnumerable<SourceOutcome> outcomes) => SourceOutcomes = [.. outcomes];

    public void RecordUsage(int promptTokens, int completionTokens, decimal cost)
    {
        PromptTokens += promptTokens;
        CompletionTokens += completionTokens;
        EstimatedCost += cost;
    }

    /// <summary>Adds what the writer spent and what it could not write; the ledger rows carry the detail.</summary>
    public void RecordUsage(RunUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        RecordUsage(usage.PromptTokens, usage.CompletionTokens, usage.EstimatedCost);
        ModelCalls += usage.ModelCalls;
        CachedAnswers += usage.CachedAnswers;
        Prompts = usage.Prompts.Count == 0 ? Prompts : string.Join(", ", usage.Prompts);
        // Runs stored before notes existed read back with none.
        SectionNotes = [.. SectionNotes ?? [], .. usage.SectionNotes];
        BudgetReached |= usage.BudgetReached;
    }

    /// <summary>Keeps how the draft's sentences stood against their sources when it was written.</summary>
    public void RecordGrounding(GroundingTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        SentencesWritten = tally.Sentences;
        SentencesGrounded = tally.Grounded;
        SentencesUnsupported = tally.Unsupported;
        SentencesFlaggedByModel = tally.FlaggedByModel;
        CommentsRead = tally.CommentsRead;
    }

    /// <summary>Why the run did not write <paramref name="label"/> as asked, or null.</summary>
    public string? NoteOn(Posts.SectionKind kind, string? label) =>
        label is null ? null : (SectionNotes ?? []).LastOrDefault(n => n.Kind == kind && string.Equals(n.Label, label, StringComparison.Ordinal))?.Note;

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
