using System.Net;
using System.Text;
using Digest.Infrastructure.Publishing;

namespace Digest.Infrastructure.Search;

/// <summary>
/// Shows a reader why a post matched: the words of the query marked (<c>&lt;mark&gt;</c>) in the title and in an
/// excerpt cut around the first match. The output is HTML-encoded text with only those marks added, so it is safe
/// whatever the post or the query held. A word matches where a word of the text starts with it, or with its stem
/// ("models" marks "model"), as the index matched it.
/// </summary>
public static class SearchHighlight
{
    public static string Title(string title, SearchTerms terms) => Mark(title, terms);

    /// <summary>About <paramref name="length"/> characters of the post's text around its first match, marked.</summary>
    public static string Excerpt(string? contentHtml, SearchTerms terms, int length = 280)
    {
        var text = PlainText.FromHtml(contentHtml ?? "");
        var first = FirstMatch(text, terms);
        var start = first < 0 ? 0 : Math.Max(0, first - length / 3);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space < 0 || space > first ? start : space + 1;
        }

        var window = PlainText.Excerpt(text[start..], length);
        return (start > 0 ? "…" : "") + Mark(window, terms);
    }

    private static int FirstMatch(string text, SearchTerms terms)
    {
        var best = -1;
        foreach (var (from, _) in Matches(text, terms))
        {
            best = best < 0 ? from : Math.Min(best, from);
        }

        return best;
    }

    private static string Mark(string text, SearchTerms terms)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (from, to) in Matches(text, terms).OrderBy(m => m.From))
        {
            if (from < at)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..from])).Append("<mark>").Append(WebUtility.HtmlEncode(text[from..to])).Append("</mark>");
            at = to;
        }

        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>Each word of the text (start, end) that begins with a query word or its stem.</summary>
    private static IEnumerable<(int From, int To)> Matches(string text, SearchTerms terms)
    {
        var stems = terms.Words.Select(Stem).ToList();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            var word = text[i..end];
            if (stems.Any(stem => word.StartsWith(stem, StringComparison.OrdinalIgnoreCase)))
            {
                yield return (i, end);
            }

            i = end;
        }
    }

    // A rough English stem, enough to mark what the index's stemmer matched: "models" → "model", "manipulating" → "manipulat".
    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ing", "ies", "es", "ed", "s" })
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
