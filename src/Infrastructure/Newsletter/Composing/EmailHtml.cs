using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Digest.Infrastructure.Newsletter.Composing;

/// <summary>
/// A post's stored HTML (already sanitised at publish time) made fit for mail clients: every element carries its style
/// inline (most clients drop &lt;style&gt; blocks), links and images are absolute, images shrink to the column and have
/// alt text, so the email reads the same with images blocked.
/// </summary>
public static class EmailHtml
{
    private static readonly Dictionary<string, string> Styles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h1"] = $"margin:0 0 12px;font-size:24px;line-height:1.3;color:{EmailPalette.Heading};",
        ["h2"] = $"margin:28px 0 12px;font-size:20px;line-height:1.3;color:{EmailPalette.Heading};",
        ["h3"] = $"margin:22px 0 8px;font-size:17px;line-height:1.35;color:{EmailPalette.Heading};",
        ["h4"] = $"margin:18px 0 8px;font-size:16px;color:{EmailPalette.Heading};",
        ["p"] = "margin:0 0 14px;",
        ["ul"] = "margin:0 0 14px;padding-left:24px;",
        ["ol"] = "margin:0 0 14px;padding-left:24px;",
        ["li"] = "margin:0 0 8px;",
        ["a"] = $"color:{EmailPalette.Link};text-decoration:underline;",
        ["blockquote"] = $"margin:0 0 14px;padding:8px 14px;border-left:4px solid {EmailPalette.Rule};color:{EmailPalette.Muted};",
        ["code"] = $"font-family:Menlo,Consolas,monospace;font-size:14px;background-color:{EmailPalette.CodeBackground};padding:1px 4px;border-radius:4px;",
        ["pre"] = $"margin:0 0 14px;padding:12px;white-space:pre-wrap;word-break:break-word;background-color:{EmailPalette.CodeBackground};border-radius:6px;font-size:14px;",
        ["img"] = "max-width:100%;height:auto;border:0;display:block;",
        ["hr"] = $"border:0;border-top:1px solid {EmailPalette.Rule};margin:24px 0;",
        ["table"] = "border-collapse:collapse;width:100%;margin:0 0 14px;",
        ["th"] = $"border:1px solid {EmailPalette.Rule};padding:6px;text-align:left;",
        ["td"] = $"border:1px solid {EmailPalette.Rule};padding:6px;",
    };

    /// <summary>The HTML with inline styles and absolute addresses; <paramref name="pageUrl"/> is where in-page anchors point.</summary>
    public static string Prepare(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (Styles.TryGetValue(element.LocalName, out var style))
            {
                element.SetAttribute("style", style + (element.GetAttribute("style") ?? ""));
            }

            element.RemoveAttribute("class");
            switch (element.LocalName)
            {
                case "a":
                    Absolutize(element, "href", pageUrl);
                    break;
                case "img":
                    Absolutize(element, "src", pageUrl);
                    element.SetAttribute("alt", element.GetAttribute("alt") ?? "");
                    element.RemoveAttribute("loading");
                    break;
            }
        }

        return body.InnerHtml;
    }

    private static void Absolutize(IElement element, string attribute, Uri pageUrl)
    {
        if (element.GetAttribute(attribute) is not { Length: > 0 } value)
        {
            return;
        }

        if (Uri.TryCreate(pageUrl, value, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeMailto))
        {
            element.SetAttribute(attribute, absolute.AbsoluteUri);
        }
        else
        {
            element.RemoveAttribute(attribute);
        }
    }
}

/// <summary>The light colours written inline; the dark ones are in the layout's media query, for clients that honour it.</summary>
internal static class EmailPalette
{
    public const string Page = "#f4f4f5";
    public const string Card = "#ffffff";
    public const string Text = "#1f1f1f";
    public const string Heading = "#1e1e1e";
    public const string Muted = "#5d5d5d";
    public const string Link = "#0b57d0";
    public const string Rule = "#e3e3e3";
    public const string CodeBackground = "#f3f3f3";
    public const string NoticeBackground = "#fff8e1";
    public const string NoticeBorder = "#b26a00";
    public const string Font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
}
