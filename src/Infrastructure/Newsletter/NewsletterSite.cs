using Digest.Domain.Settings;

namespace Digest.Infrastructure.Newsletter;

/// <summary>
/// The public address emails link to. It comes from the site's base URL setting only, never from a request's Host
/// header, which a stranger chooses: a link in an email must not point where an attacker asked.
/// </summary>
public sealed record NewsletterSite(string Title, Uri BaseUrl)
{
    public static NewsletterSite? From(SiteSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.BaseUrl)
        && Uri.TryCreate(settings.BaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new NewsletterSite(settings.Title, url)
            : null;

    public Uri PostUrl(string slug) => new(BaseUrl, $"posts/{Uri.EscapeDataString(slug)}/");

    public Uri ConfirmUrl(string token) => new(BaseUrl, $"subscribe/confirm?token={Uri.EscapeDataString(token)}");

    public Uri UnsubscribeUrl(string token) => new(BaseUrl, $"unsubscribe?token={Uri.EscapeDataString(token)}");

    public string ListId => $"<newsletter.{BaseUrl.Host}>";
}
