namespace Digest.Domain.Generation;

/// <summary>
/// One line of the cost ledger: a request to a model, or an answer served from the response cache (which costs
/// nothing). Rows are written as calls finish, so a run that crashes halfway still shows what it spent, and the
/// daily token budget is summed over them.
/// </summary>
public sealed class ModelCallEntry
{
    private ModelCallEntry() { }

    public Guid Id { get; private set; }
    /// <summary>The generation run the call belongs to; null for regenerations and dry runs.</summary>
    public Guid? RunId { get; private set; }
    public ModelCallPurpose Purpose { get; private set; }
    public DateTime At { get; private set; }
    /// <summary>Which section, e.g. <c>Topic "Why mamba disappeared?"</c>.</summary>
    public string Section { get; private set; } = "";
    /// <summary>The prompt as name@version, e.g. <c>topic@v2</c>.</summary>
    public string Prompt { get; private set; } = "";
    /// <summary>The model or deployment name the call went to.</summary>
    public string Model { get; private set; } = "";
    public int PromptTokens { get; private set; }
    public int CompletionTokens { get; private set; }
    public int LatencyMs { get; private set; }
    public decimal EstimatedCost { get; private set; }
    public bool FromCache { get; private set; }
    public bool IsRepair { get; private set; }
    public bool Succeeded { get; private set; }

    public int TotalTokens => PromptTokens + CompletionTokens;

    public static ModelCallEntry Record(
        Guid? runId,
        ModelCallPurpose purpose,
        DateTime at,
        string section,
        string prompt,
        string model,
        int promptTokens,
        int completionTokens,
        TimeSpan latency,
        decimal estimatedCost,
        bool fromCache,
        bool isRepair,
        bool succeeded) => new()
        {
            Id = Guid.NewGuid(),
            RunId = runId,
            Purpose = purpose,
            At = at,
            Section = Clip(section, 500),
            Prompt = Clip(prompt, 200),
            Model = Clip(model, 200),
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            LatencyMs = (int)Math.Min(int.MaxValue, Math.Round(latency.TotalMilliseconds)),
            EstimatedCost = estimatedCost,
            FromCache = fromCache,
            IsRepair = isRepair,
            Succeeded = succeeded,
        };

    // A topic title can be long; the ledger names it, it does not need all of it.
    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
