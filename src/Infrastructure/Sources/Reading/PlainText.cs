using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>
/// Item text is stored as plain text: markup removed, entities decoded, white space collapsed, control
/// characters dropped. Whatever a source put in (script tags, javascript: links) ends up as inert characters
/// that a page must escape, never as markup.
/// </summary>
public static class PlainText
{
    public const int MaxTitleLength = 300;
    public const int MaxExcerptLength = 1500;
    public const int MaxAuthorLength = 200;

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head",
    };

    private static readonly HashSet<string> Breaking = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote",
        "pre", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt", "dl", "aside",
    };

    /// <summary>Text from an HTML fragment (an RSS description, Atom html content, JSON Feed content_html).</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return Normalize(WebUtility.HtmlDecode(html));
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var text = new StringBuilder(html.Length);
        Append(document.DocumentElement, text);
        return Normalize(text.ToString());
    }

    /// <summary>Text that is meant to be text (a JSON title, an Atom type="text" element): only entities a
    /// careless producer left in are decoded; angle brackets stay as the characters they are.</summary>
    public static string FromText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Normalize(text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text);

    /// <summary>RSS titles are sometimes text and sometimes escaped HTML; treat them as HTML only when they look like it.</summary>
    public static string FromTextOrHtml(string? value) =>
        value is not null && LooksLikeMarkup(value) ? FromHtml(value) : FromText(value);

    public static string Title(string? value) => Truncate(value ?? "", MaxTitleLength);

    public static string? Excerpt(string? value) => string.IsNullOrWhiteSpace(value) ? null : Truncate(value, MaxExcerptLength);

    public static string? Author(string? value) => string.IsNullOrWhiteSpace(value) ? null : Truncate(value, MaxAuthorLength);

    /// <summary>Cuts at the last word boundary before <paramref name="max"/> characters and marks the cut with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2)
        {
            cut = max - 1;
        }

        return text[..cut].TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }

    private static bool LooksLikeMarkup(string value)
    {
        var lt = value.IndexOf('<', StringComparison.Ordinal);
        return (lt >= 0 && lt + 1 < value.Length && (char.IsLetter(value[lt + 1]) || value[lt + 1] is '/' or '!'))
            || value.Contains("&lt;", StringComparison.OrdinalIgnoreCase);
    }

    private static void Append(INode? node, StringBuilder text)
    {
        if (node is null)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Invisible.Contains(e.LocalName):
                    break;
                case IElement e:
                    var breaks = Breaking.Contains(e.LocalName);
                    if (breaks)
                    {
                        text.Append(' ');
                    }

                    Append(e, text);
                    if (breaks)
                    {
                        text.Append(' ');
                    }

                    break;
            }
        }
    }

    private static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c is '\uFEFF' or '\u200B' or '\u2028' or '\u2029')
            {
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
