using AngleSharp;
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
/// constructor and the handler keeps no state. Each call works on a document of its own.
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
    }

    /// <summary>
    /// Returns HTML that keeps only the allowed markup. With <paramref name="baseUrl"/> relative URLs are made
    /// absolute against it, and links to its host still count as the site's own.
    /// </summary>
    public string Sanitize(string html, string? baseUrl = null) => Sanitize(html, baseUrl, forFeed: false);

    /// <summary>
    /// <see cref="Sanitize(string, string?)"/> for a feed, where the HTML must stay inert even in a reader that decodes
    /// entities once more than it should (CodeHollow.FeedReader does so with <c>content:encoded</c>): text that reads
    /// like a tag ("&lt;script") cannot be written as "&amp;lt;script" there, because a second decoding makes it one.
    /// See <see cref="Feeds.InertHtml"/>.
    /// </summary>
    public string SanitizeForFeed(string html, string? baseUrl = null) => Sanitize(html, baseUrl, forFeed: true);

    private string Sanitize(string html, string? baseUrl, bool forFeed)
    {
        using var document = _sanitizer.SanitizeDom(html, baseUrl ?? "");
        var body = document.Body!;
        var siteHost = Uri.TryCreate(baseUrl, UriKind.Absolute, out var site) ? site.Host : null;
        foreach (var link in body.QuerySelectorAll("a"))
        {
            MarkExternal(link, siteHost);
        }

        if (forFeed)
        {
            Feeds.InertHtml.Defuse(body);
        }

        return body.ChildNodes.ToHtml(HtmlFormatter.Instance);
    }

    private static void MarkExternal(IElement link, string? siteHost)
    {
        var href = link.GetAttribute("href");
        if (href is not null
            && Uri.TryCreate(href, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.Equals(uri.Host, siteHost, StringComparison.OrdinalIgnoreCase))
        {
            link.SetAttribute("rel", ExternalLinkRel);
        }
        else
        {
            link.RemoveAttribute("rel");
        }
    }
}
