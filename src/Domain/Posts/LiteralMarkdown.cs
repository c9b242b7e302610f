using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Domain.Posts;

/// <summary>
/// Escapes plain text for a Markdown field an editor will read and edit, with as few backslashes as it takes for the
/// text to show as written: "(but not the data)" stays as it is, while "*", "[", "&lt;", a leading "#" or "1." and the
/// like, which Markdown would turn into markup, are escaped. <see cref="HouseFormat.EscapeInline"/> escapes every
/// punctuation mark that could ever matter; this one only those that matter where they stand.
/// </summary>
public static partial class LiteralMarkdown
{
    /// <summary>One line of text (line breaks become spaces), safe inside a paragraph or after a blockquote's "&gt; ".</summary>
    public static string EscapeLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Four spaces of indentation would make a code block: leading white space carries nothing in prose.
        var line = text.ReplaceLineEndings(" ").TrimStart();
        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var previous = i > 0 ? line[i - 1] : '\0';
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            var escape = c switch
            {
                // Before punctuation it would escape it; at the end of a line it would break the line.
                '\\' => next == '\0' || IsAsciiPunctuation(next),
                '`' or '*' or '[' or '<' or '|' => true,
                // Inside a word ("snake_case") an underscore is never emphasis.
                '_' => !char.IsLetterOrDigit(previous) || !char.IsLetterOrDigit(next),
                '~' or '=' => previous == c || next == c,
                '&' => Entity().IsMatch(line.AsSpan(i)),
                _ => false,
            };
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return EscapeLineStart(builder.ToString());
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    /// <summary>What would start a heading, a quote, a list or a rule at the start of a line.</summary>
    private static string EscapeLineStart(string line)
    {
        var rest = line;
        if (rest.Length == 0)
        {
            return line;
        }

        var prefix = "";
        if (rest[0] is '#' or '>' or '+' or '-' && (rest[0] is '#' or '>' || rest.Length == 1 || rest[1] == ' ' || rest.All(ch => ch is '-' or ' ')))
        {
            return prefix + "\\" + rest;
        }

        if (OrderedListMarker().Match(rest) is { Success: true } marker)
        {
            var digits = marker.Groups[1].Value;
            return prefix + digits + "\\" + rest[digits.Length..];
        }

        return line;
    }

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^([0-9]{1,9})[.)](\s|$)")]
    private static partial Regex OrderedListMarker();
}
