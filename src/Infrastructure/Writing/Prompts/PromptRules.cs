namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// What an edited prompt must keep: the writer fills only the slots the shipped prompt has, so an unknown slot
/// would fail every call, and a topic prompt without <c>{{source}}</c> would never show the model the post.
/// </summary>
public static class PromptRules
{
    public const int MaxLength = 20_000;

    // The date helps but a prediction prompt can do without it.
    private static readonly string[] Optional = ["edition"];

    public static IReadOnlyList<string> Problems(PromptTemplate shipped, string text)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return ["The prompt is empty."];
        }

        if (text.Length > MaxLength)
        {
            problems.Add($"The prompt is longer than {MaxLength} characters.");
        }

        var allowed = shipped.Placeholders();
        var used = (shipped with { Text = text }).Placeholders();
        foreach (var unknown in used.Except(allowed, StringComparer.Ordinal))
        {
            problems.Add($"{{{{{unknown}}}}} is not filled in by the writer (this prompt can use {Describe(allowed)}).");
        }

        foreach (var missing in allowed.Except(used, StringComparer.Ordinal).Except(Optional, StringComparer.Ordinal))
        {
            problems.Add($"{{{{{missing}}}}} is missing: without it the model never sees that value.");
        }

        return problems;
    }

    private static string Describe(IReadOnlyList<string> slots) =>
        slots.Count == 0 ? "no slots" : string.Join(", ", slots.Select(s => $"{{{{{s}}}}}"));
}
