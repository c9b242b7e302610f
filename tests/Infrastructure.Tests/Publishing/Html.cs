using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>Parses output HTML the way a browser would, so tests assert on elements, not substrings.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IElement Body(string html) => Parser.ParseDocument($"<!doctype html><html><body>{html}</body></html>").Body!;

    /// <summary>Everything in the markup that a browser could execute: script-ish elements, handlers, script URLs.</summary>
    public static IReadOnlyList<string> ExecutableParts(string html)
    {
        var found = new List<string>();
        foreach (var element in Body(html).QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "style" or "iframe" or "object" or "embed" or "form" or "svg" or "math" or "link" or "meta" or "base")
            {
                found.Add($"<{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                var value = attribute.Value.Trim();
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href"
                        && !(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                            || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                            || value.StartsWith('/') || value.StartsWith('#'))))
                {
                    found.Add($"{element.LocalName}[{attribute.Name}={value}]");
                }
            }
        }

        return found;
    }
}
