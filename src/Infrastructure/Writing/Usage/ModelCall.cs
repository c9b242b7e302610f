namespace Digest.Infrastructure.Writing.Usage;

/// <summary>One request to the model (or one answer served from the cache), as the cost ledger records it.</summary>
public sealed record ModelCall(
    string Section,
    string Model,
    string Prompt,
    int PromptTokens,
    int CompletionTokens,
    TimeSpan Latency,
    decimal EstimatedCost,
    bool FromCache,
    bool IsRepair,
    bool Succeeded)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
