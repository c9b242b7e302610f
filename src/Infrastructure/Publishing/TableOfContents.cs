using System.Net;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Publishing;

/// <summary>One line of a post's table of contents: a heading's level (2 or 3), its anchor id and its text.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>
/// The table of contents of a post, read from its stored HTML. Like Hugo's default (startLevel 2,
/// endLevel 3) it lists h2 and h3 headings, which carry ids from the Markdown pipeline.
/// </summary>
public static partial class TableOfContents
{
    /// <summary>Reads the h2/h3 headings of HTML written by <see cref="MarkdownRenderer"/>; a heading without an id is skipped.</summary>
    public static IReadOnlyList<TocEntry> FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }

        var entries = new List<TocEntry>();
        foreach (Match match in Heading().Matches(html))
        {
            var id = WebUtility.HtmlDecode(match.Groups["id"].Value);
            var text = PlainText.FromHtml(match.Groups["inner"].Value);
            if (id.Length > 0 && text.Length > 0)
            {
                entries.Add(new TocEntry(match.Groups["level"].Value[0] - '0', id, text));
            }
        }

        return entries;
    }

    // The sanitiser's serialiser writes attributes double-quoted and never nests headings, so a pattern is
    // enough here and avoids parsing a whole document on a page view.
    [GeneratedRegex("""<h(?<level>[23])\b[^>]*?\bid="(?<id>[^"]*)"[^>]*>(?<inner>.*?)</h\k<level>>""", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Heading();
}
