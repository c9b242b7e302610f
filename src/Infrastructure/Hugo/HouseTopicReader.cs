using System.Text.RegularExpressions;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Reads one numbered topic of "Possible consequences of current developments": the title in bold, then
/// <c>- *Benefits:*</c> and <c>- *Ramifications:*</c> with their text on the same line, the next line or after a
/// blank line, as plain paragraphs, a wrapping <c>- </c> item, or a real list. Text before the first label is the
/// topic's summary body. An empty <c>-</c> item (the day the model wrote nothing) is no text at all.
/// </summary>
internal static partial class HouseTopicReader
{
    public static HugoSection Read(HouseChunk chunk)
    {
        string heading;
        string? opening = null;
        if (MarkdownText.TryLeadingStrong(chunk.First, out var strong, out var rest))
        {
            heading = strong;
            opening = rest.Trim().TrimStart(':').Trim();
        }
        else
        {
            heading = chunk.First;
        }

        var parts = new Dictionary<string, (string? First, List<string> Lines)>(StringComparer.OrdinalIgnoreCase)
        {
            ["body"] = (opening, []),
        };
        var current = "body";
        foreach (var line in chunk.Lines)
        {
            var label = Label().Match(line);
            if (label.Success)
            {
                current = label.Groups["name"].Value;
                var text = label.Groups["text"].Value.Trim();
                if (parts.TryGetValue(current, out var repeated))
                {
                    // The same label twice: keep both texts rather than let the second replace the first.
                    repeated.Lines.AddRange(["", new string(' ', MarkdownText.Indent(line) + 2) + text]);
                }
                else
                {
                    parts[current] = (text, []);
                }
            }
            else if (!EmptyItem().IsMatch(line))
            {
                parts[current].Lines.Add(line);
            }
        }

        return new HugoSection(SectionKind.Topic, new SectionText(
            NullIfEmpty(MarkdownText.Unescape(heading).Trim()),
            Text(parts, "body"),
            Text(parts, "Benefits"),
            Text(parts, "Ramifications")));
    }

    /// <summary>"Benefits" or "Ramifications" when the line opens with that label; null otherwise.</summary>
    public static string? LabelOf(string line) => Label().Match(line) is { Success: true } match ? match.Groups["name"].Value : null;

    /// <summary>The text of one part: what follows the label on its line, then the lines under it.</summary>
    private static string? Compose(string? first, List<string> lines)
    {
        var under = MarkdownText.Tidy(lines);
        if (string.IsNullOrEmpty(first))
        {
            return NullIfEmpty(MarkdownText.Block(under));
        }

        // A blank line between the label's line and the text under it starts a new paragraph.
        var gap = lines.Count > 0 && MarkdownText.IsBlank(lines[0]) && under.Count > 0;
        return NullIfEmpty(MarkdownText.Block([first, .. gap ? [""] : Array.Empty<string>(), .. under]));
    }

    private static string? Text(Dictionary<string, (string? First, List<string> Lines)> parts, string name) =>
        parts.TryGetValue(name, out var part) ? Compose(part.First, part.Lines) : null;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?[*_]{0,2}(?<name>Benefits|Ramifications)[*_]{0,2}\s*:\s*[*_]{0,2}(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^\s*[-*+]\s*$")]
    private static partial Regex EmptyItem();
}
