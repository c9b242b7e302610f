using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Line-level Markdown helpers for reading the house format. The old blog's model output drifted in indentation
/// and blank lines, so these compare shapes (list item or not, deeper or not) rather than exact columns.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>Indentation with tabs counted to the next multiple of four, as CommonMark does.</summary>
    public static int Indent(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4 - (width % 4);
            }
            else
            {
                break;
            }
        }

        return width;
    }

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    /// <summary>A list item opening on this line: its marker and the text after it.</summary>
    public static bool TryListItem(string line, out string text, out bool numbered)
    {
        var match = ListItem().Match(line);
        text = match.Success ? match.Groups["text"].Value.Trim() : "";
        numbered = match.Success && char.IsAsciiDigit(match.Groups["marker"].Value[0]);
        return match.Success;
    }

    /// <summary>
    /// Tidies a block of lines into the text a section keeps: common indentation removed, line ends trimmed, runs
    /// of blank lines collapsed, and a single list item that only wraps the text (<c>- text</c>) unwrapped.
    /// A list of several items keeps its markers, because there the list is the content.
    /// </summary>
    public static string Block(IEnumerable<string> lines)
    {
        var kept = Tidy(lines);
        if (IsSingleBullet(kept, out var unwrapped))
        {
            kept = unwrapped;
        }

        return string.Join('\n', kept);
    }

    /// <summary>The top-level items of a block that is nothing but a bullet list; null when it is anything else.</summary>
    public static List<string>? BulletItems(string block)
    {
        var lines = block.Split('\n');
        if (lines.Length == 0 || !IsBullet(lines[0]))
        {
            return null;
        }

        var items = new List<List<string>>();
        foreach (var line in lines)
        {
            if (IsBullet(line))
            {
                items.Add([line[2..]]);
            }
            else if (IsBlank(line) || Indent(line) >= 2)
            {
                items[^1].Add(line);
            }
            else
            {
                return null;
            }
        }

        return [.. items.Select(item => string.Join('\n', Tidy(item)))];
    }

    public static string Bullets(IEnumerable<string> items) =>
        string.Join('\n', items.Select(item => "- " + item.Replace("\n", "\n  ", StringComparison.Ordinal).Replace("\n  \n", "\n\n", StringComparison.Ordinal)));

    /// <summary>Removes backslash escapes, turning Markdown source back into the plain text a heading holds.</summary>
    public static string Unescape(string text) => Escaped().Replace(text, "$1");

    /// <summary>Removes <c>**</c> emphasis markers that are not escaped.</summary>
    public static string WithoutStrong(string text) => Strong().Replace(text, "");

    /// <summary>Splits <c>**bold** rest</c> when the text opens with a bold span.</summary>
    public static bool TryLeadingStrong(string text, out string strong, out string rest)
    {
        strong = rest = "";
        if (!text.StartsWith("**", StringComparison.Ordinal))
        {
            return false;
        }

        var close = FindUnescaped(text, "**", 2);
        if (close < 0)
        {
            return false;
        }

        strong = text[2..close];
        rest = text[(close + 2)..];
        return strong.Length > 0;
    }

    /// <summary>The first <c>": "</c> outside bold spans, or -1.</summary>
    public static int ColonOutsideStrong(string text)
    {
        var inStrong = false;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '*' && text[i + 1] == '*')
            {
                inStrong = !inStrong;
                i++;
            }
            else if (!inStrong && text[i] == ':' && char.IsWhiteSpace(text[i + 1]))
            {
                return i;
            }
        }

        return text.EndsWith(':') ? text.Length - 1 : -1;
    }

    /// <summary>Splits off a trailing <c>(…)</c> group, honouring escaped parentheses inside it.</summary>
    public static bool TryTrailingParentheses(string text, out string before, out string inner)
    {
        before = inner = "";
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith(')') || IsEscaped(trimmed, trimmed.Length - 1))
        {
            return false;
        }

        var depth = 0;
        for (var i = trimmed.Length - 1; i >= 0; i--)
        {
            if (IsEscaped(trimmed, i))
            {
                continue;
            }

            depth += trimmed[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                before = trimmed[..i].TrimEnd();
                inner = trimmed[(i + 1)..^1].Trim();
                return true;
            }
        }

        return false;
    }

    /// <summary>Common indentation removed, line ends trimmed, blank runs collapsed, outer blank lines dropped.</summary>
    public static List<string> Tidy(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(line => line.TrimEnd()).ToList();
        var indent = trimmed.Where(line => line.Length > 0).Select(Indent).DefaultIfEmpty(0).Min();
        var kept = new List<string>();
        foreach (var line in trimmed)
        {
            if (line.Length == 0)
            {
                if (kept.Count > 0 && kept[^1].Length > 0)
                {
                    kept.Add("");
                }

                continue;
            }

            kept.Add(Dedent(line, indent));
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    private static bool IsSingleBullet(List<string> lines, out List<string> unwrapped)
    {
        unwrapped = lines;
        if (lines.Count == 0 || !IsBullet(lines[0]) || lines.Skip(1).Any(line => line.Length > 0 && Indent(line) < 2))
        {
            return false;
        }

        unwrapped = Tidy([lines[0][2..], .. lines.Skip(1)]);
        return true;
    }

    private static bool IsBullet(string line) => line.Length > 2 && line[0] is '-' or '*' or '+' && line[1] == ' ' && !line.StartsWith("**", StringComparison.Ordinal);

    private static string Dedent(string line, int indent)
    {
        if (indent == 0)
        {
            return line;
        }

        var expanded = new StringBuilder();
        var width = 0;
        var i = 0;
        while (i < line.Length && width < indent && line[i] is ' ' or '\t')
        {
            width += line[i] == '\t' ? 4 - (width % 4) : 1;
            i++;
        }

        // A tab that reaches past the cut leaves its remainder as spaces.
        expanded.Append(' ', Math.Max(0, width - indent)).Append(line, i, line.Length - i);
        return expanded.ToString();
    }

    private static int FindUnescaped(string text, string what, int from)
    {
        for (var i = from; i <= text.Length - what.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, what, 0, what.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    [GeneratedRegex(@"^ {0,3}(?<marker>[-*+]|\d{1,3}[.)])(?:[ \t]+(?<text>.*))?$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();

    [GeneratedRegex(@"(?<!\\)\*\*")]
    private static partial Regex Strong();
}
