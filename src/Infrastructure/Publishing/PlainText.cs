using System.Net;
using System.Text;

namespace Digest.Infrastructure.Publishing;

/// <summary>Plain text from content, for descriptions, excerpts and feed summaries.</summary>
public static class PlainText
{
    /// <summary>The text of trusted, well-formed HTML (such as a post's stored ContentHtml), entities decoded.</summary>
    public static string FromHtml(string html) => Collapse(WebUtility.HtmlDecode(HugoCounts.StripTags(html, blockBreaks: true)));

    /// <summary>Whitespace runs become one space; the ends are trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, cut at a word boundary with an ellipsis when shortened.</summary>
    public static string Excerpt(string text, int maxLength = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var collapsed = Collapse(text);
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', maxLength - 1);
        var head = cut > maxLength / 2 ? collapsed[..cut] : collapsed[..(maxLength - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '.', '-') + "…";
    }
}
