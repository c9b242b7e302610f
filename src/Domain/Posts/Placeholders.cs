namespace Digest.Domain.Posts;

/// <summary>Text that stands in for text: what a model or a hurried editor leaves where a paragraph should be.</summary>
public static class Placeholders
{
    private static readonly string[] WholeText =
    [
        "tbd", "tba", "todo", "to do", "n/a", "na", "none", "nothing", "placeholder", "coming soon", "to be written",
        "text", "summary", "benefits", "ramifications", "lorem ipsum",
    ];

    private static readonly string[] Anywhere = ["lorem ipsum", "[insert", "<insert", "{{", "}}", "[todo", "[tbd", "[placeholder"];

    private static readonly string[] Leading = ["tbd", "todo", "tba", "fixme"];

    /// <summary>Why <paramref name="text"/> is a placeholder, quoting it, or null when it reads as real text.</summary>
    public static string? Describe(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (!trimmed.Any(char.IsLetterOrDigit))
        {
            return $"is only \"{Short(trimmed)}\"";
        }

        var bare = trimmed.Trim('.', '!', '?', ':', ';', '-', '*', '_', '(', ')', '[', ']', ' ', '…').ToLowerInvariant();
        var isPlaceholder = WholeText.Contains(bare)
            || Anywhere.Any(p => trimmed.Contains(p, StringComparison.OrdinalIgnoreCase))
            || Leading.Any(p => bare.StartsWith(p, StringComparison.Ordinal) && (bare.Length == p.Length || !char.IsLetter(bare[p.Length])));
        return isPlaceholder ? $"is a placeholder (\"{Short(trimmed)}\")" : null;
    }

    private static string Short(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
}
