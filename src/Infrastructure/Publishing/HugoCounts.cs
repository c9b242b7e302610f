using System.Text;

namespace Digest.Infrastructure.Publishing;

/// <summary>
/// Word count and reading time exactly as Hugo computes .WordCount and .ReadingTime, so posts imported
/// from the old blog show the numbers they showed there. Hugo strips the tags from the rendered content
/// without putting anything in their place (tpl.StripHTML), counts runs of non-whitespace
/// (helpers.TotalWords), and reads 213 words a minute, rounding up: (words + 212) / 213.
/// </summary>
public static class HugoCounts
{
    private const int WordsPerMinute = 213;

    public static int WordCount(string html)
    {
        var text = StripTags(html, blockBreaks: false);
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    public static int ReadingMinutes(int wordCount) => (Math.Max(0, wordCount) + WordsPerMinute - 1) / WordsPerMinute;

    /// <summary>
    /// Removes tags (quoted attribute values may hold '&gt;') and comments. Entities stay as they are, as in
    /// Hugo: "&amp;amp;" is one word either way. With <paramref name="blockBreaks"/> a space replaces each block
    /// tag, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b" in excerpts; word counts keep Hugo's joining.
    /// </summary>
    internal static string StripTags(string html, bool blockBreaks)
    {
        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !StartsTag(html[i + 1]))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var end = html.AsSpan(i).StartsWith("<!--") ? SkipComment(html, i) : SkipTag(html, i);
            if (blockBreaks && IsBlock(html.AsSpan(i, end - i)))
            {
                builder.Append(' ');
            }

            i = end;
        }

        return builder.ToString();
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td", "div", "section", "img",
    };

    private static bool IsBlock(ReadOnlySpan<char> tag)
    {
        var name = tag.TrimStart("</");
        var length = 0;
        while (length < name.Length && char.IsAsciiLetterOrDigit(name[length]))
        {
            length++;
        }

        return length > 0 && BlockTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name[..length]);
    }

    private static bool StartsTag(char next) => char.IsAsciiLetter(next) || next is '/' or '!' or '?';

    private static int SkipComment(string html, int start)
    {
        var end = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + 3;
    }

    private static int SkipTag(string html, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
