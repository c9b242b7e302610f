using System.Text;

namespace Digest.Domain.Posts;

/// <summary>
/// Escapes plain text for Markdown with as few backslashes as CommonMark (Markdig here, goldmark in Hugo) needs to
/// show it literally. A backslash before <c>( ) [ ] &amp; !</c> in every headline made exports hard to read and
/// differ from what the old blog wrote, so a character is escaped only where it could start markup in its place:
/// emphasis, code, links and images, HTML, entities, strikethrough and marks, and (at the start of a line) blocks.
/// </summary>
public static class MarkdownEscape
{
    /// <summary>Where the text goes, which decides what could turn into markup there.</summary>
    public enum Context
    {
        /// <summary>Inside a line after other text, e.g. between <c>**</c> and <c>**</c>.</summary>
        Inline,
        /// <summary>At the start of a line or list item, where <c>#</c>, <c>&gt;</c>, <c>-</c> or <c>1.</c> start a block.</summary>
        LineStart,
        /// <summary>The text of an ATX heading, where a closing <c>#</c> run and <c>{…}</c> attributes are syntax.</summary>
        Heading,
        /// <summary>The text of a link, where every bracket must be escaped.</summary>
        LinkText,
    }

    public static string Text(string text, Context context = Context.Inline)
    {
        var flat = text.ReplaceLineEndings(" ");
        var builder = new StringBuilder(flat.Length + 4);
        var tildes = flat.Count(c => c == '~') >= 2;
        var marker = context is Context.LineStart or Context.Heading ? BlockMarker(flat) : -1;
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (i == marker || NeedsEscape(flat, i, context, tildes))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text, int i, Context context, bool tildes)
    {
        var c = text[i];
        var previous = i > 0 ? text[i - 1] : ' ';
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        return c switch
        {
            '\\' => IsAsciiPunctuation(next) || i == text.Length - 1,
            '`' or '*' => true,
            // An underscore between two letters or digits never opens or closes emphasis (snake_case stays as written).
            '_' => !(char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(next)),
            '[' => context == Context.LinkText || next == '^',
            // "]" followed by "(" or "[" would close a link; "[R] Paper" alone is text.
            ']' => context == Context.LinkText || next is '(' or '[' or ':',
            '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
            '&' => StartsEntity(text, i),
            '~' => tildes,
            '=' => previous == '=' || next == '=',
            '#' => context == Context.Heading && char.IsWhiteSpace(previous),
            '{' or '}' => context == Context.Heading,
            _ => false,
        };
    }

    /// <summary>
    /// Where text at the start of a line would open a block (a heading, a quote, a list item, a rule, a fence): the
    /// index of the character to escape, or -1.
    /// </summary>
    private static int BlockMarker(string text)
    {
        if (text.Length == 0)
        {
            return -1;
        }

        var c = text[0];
        if (c is '#' or '>' or '|' or '~' or '`')
        {
            return 0;
        }

        if (c is '-' or '+' or '*' or '=' or '_')
        {
            return text.Length == 1 || text[1] == ' ' || text[1] == c ? 0 : -1;
        }

        // "2024. A year of models" would start an ordered list: the digits are text, the dot is what is escaped.
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 9 && digits < text.Length && text[digits] is '.' or ')'
            && (digits + 1 == text.Length || text[digits + 1] == ' ')
            ? digits
            : -1;
    }

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    private static bool StartsEntity(string text, int i)
    {
        var end = text.IndexOf(';', i + 1);
        if (end < 0 || end - i > 40)
        {
            return false;
        }

        var name = text.AsSpan(i + 1, end - i - 1);
        if (name.Length == 0)
        {
            return false;
        }

        if (name[0] == '#')
        {
            var number = name[1..];
            return number.Length > 0 && (number[0] is 'x' or 'X'
                ? number.Length > 1 && AllHex(number[1..])
                : AllDigits(number));
        }

        return char.IsAsciiLetter(name[0]) && AllLettersOrDigits(name);
    }

    private static bool AllHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllLettersOrDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
