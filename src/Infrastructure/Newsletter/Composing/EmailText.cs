using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Digest.Infrastructure.Newsletter.Composing;

/// <summary>
/// The plain-text part: the same words as the HTML, with each link's address written after its text (so sources stay
/// usable in a text-only client), headings underlined and lists marked.
/// </summary>
public static class EmailText
{
    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var text = new StringBuilder();
        Write(document.Body!, text, listDepth: 0);
        return Tidy(text.ToString());
    }

    private static void Write(INode node, StringBuilder text, int listDepth)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText plain:
                    var words = Whitespace(plain.Data);
                    text.Append(text.Length == 0 || text[^1] == '\n' ? words.TrimStart() : words);
                    break;
                case IElement element:
                    WriteElement(element, text, listDepth);
                    break;
            }
        }
    }

    private static void WriteElement(IElement element, StringBuilder text, int listDepth)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4":
                var heading = Inline(element);
                Block(text);
                text.Append(heading).Append('\n');
                if (element.LocalName is "h1" or "h2")
                {
                    text.Append(new string(element.LocalName == "h1" ? '=' : '-', Math.Min(heading.Length, 72))).Append('\n');
                }

                text.Append('\n');
                break;
            case "p" or "div" or "table" or "tr" or "section" or "aside" or "header" or "footer":
                Block(text);
                Write(element, text, listDepth);
                Block(text);
                break;
            case "ul" or "ol":
                Block(text);
                var number = 0;
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    var marker = element.LocalName == "ol" ? $"{++number}. " : "- ";
                    text.Append(new string(' ', listDepth * 3)).Append(marker);
                    var inner = new StringBuilder();
                    Write(item, inner, listDepth + 1);
                    text.Append(Tidy(inner.ToString()).Replace("\n\n", "\n", StringComparison.Ordinal).Replace("\n", "\n" + new string(' ', (listDepth * 3) + marker.Length), StringComparison.Ordinal)).Append('\n');
                }

                text.Append('\n');
                break;
            case "blockquote":
                Block(text);
                var quoted = new StringBuilder();
                Write(element, quoted, listDepth);
                text.Append(string.Join('\n', Tidy(quoted.ToString()).Split('\n').Select(l => "> " + l))).Append("\n\n");
                break;
            case "br":
                text.Append('\n');
                break;
            case "hr":
                Block(text);
                text.Append("----\n\n");
                break;
            case "a":
                var label = Inline(element);
                var href = element.GetAttribute("href");
                text.Append(label);
                if (href is { Length: > 0 } && !string.Equals(href, label, StringComparison.Ordinal) && !href.StartsWith('#'))
                {
                    text.Append(" <").Append(href).Append('>');
                }

                break;
            case "img":
                if (element.GetAttribute("alt") is { Length: > 0 } alt)
                {
                    text.Append('[').Append(alt).Append(']');
                }

                break;
            case "td" or "th":
                Write(element, text, listDepth);
                text.Append("  ");
                break;
            case "script" or "style" or "head":
                break;
            default:
                Write(element, text, listDepth);
                break;
        }
    }

    private static string Inline(IElement element)
    {
        var inner = new StringBuilder();
        Write(element, inner, 0);
        return Whitespace(inner.ToString()).Trim();
    }

    private static string Whitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in WebUtility.HtmlDecode(text))
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static void Block(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            result.Append(line);
        }

        return result.ToString();
    }
}
