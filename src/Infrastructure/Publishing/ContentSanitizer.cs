using AngleSharp.Dom;
using Ganss.Xss;

namespace Digest.Infrastructure.Publishing;

/// <summary>
/// The one HTML policy of the site: keeps exactly what the Markdown pipeline emits and removes everything
/// else. Markdown never lets raw HTML through, so this is the second wall, not the first: it still catches
/// what Markdown itself turns into markup, such as <c>[x](javascript:…)</c> or a data: image.
/// </summary>
/// <remarks>
/// HtmlSanitizer is safe to share between threads once configured; all configuration happens in the
/// constructor and the event handlers keep no state.
/// </remarks>
public sealed class ContentSanitizer
{
    /// <summary>The rel given to links that leave the site: no endorsement, no window.opener for the target.</summary>
    public const string ExternalLinkRel = "nofollow noopener";

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "ul", "ol", "li", "strong", "em", "del", "mark", "sup", "a", "img",
        "table", "thead", "tbody", "tr", "th", "td", "div",
    ];

    private static readonly string[] Attributes = ["id", "href", "src", "alt", "title", "class", "style", "start", "rel"];

    private readonly HtmlSanitizer _sanitizer;

    public ContentSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(Tags);
        options.AllowedAttributes.UnionWith(Attributes);
        options.UriAttributes.UnionWith(["href", "src"]);
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // Pipe tables align columns with an inline style; nothing else may style content.
        options.AllowedCssProperties.Add("text-align");

        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        _sanitizer.FilterUrl += (_, e) =>
        {
            // mailto is for links; an image can only come from the web.
            if (e.Tag.LocalName == "img" && e.SanitizedUrl?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true)
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                MarkExternal(link);
            }
        };
    }

    /// <summary>Returns HTML that keeps only the allowed markup; relative URLs are made absolute when <paramref name="baseUrl"/> is given.</summary>
    public string Sanitize(string html, string? baseUrl = null) => _sanitizer.Sanitize(html, baseUrl ?? "");

    private static void MarkExternal(IElement link)
    {
        var href = link.GetAttribute("href");
        if (href is not null
            && Uri.TryCreate(href, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            link.SetAttribute("rel", ExternalLinkRel);
        }
        else
        {
            link.RemoveAttribute("rel");
        }
    }
}
