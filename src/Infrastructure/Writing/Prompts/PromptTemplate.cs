using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// A prompt as data: a name, a version and text with <c>{{placeholder}}</c> slots. Stored as a value so it can
/// live in the database later; the run records name and version so a draft says which prompt wrote it.
/// </summary>
public sealed partial record PromptTemplate(string Name, int Version, string Text)
{
    public string Id => $"{Name}@v{Version}";

    /// <summary>
    /// Fills the slots in one pass, so a value that itself contains <c>{{…}}</c> (source text is untrusted) is
    /// copied as it is and never expanded. A slot without a value is a bug in the caller, not something to send.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(Text, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"Prompt {Id} has no value for {{{{{match.Groups[1].Value}}}}}."));

    public IReadOnlyList<string> Placeholders() =>
        [.. Placeholder().Matches(Text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}")]
    private static partial Regex Placeholder();
}
