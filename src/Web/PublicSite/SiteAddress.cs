using Digest.Domain.Settings;

namespace Digest.Web.PublicSite;

/// <summary>The public address of the site: the configured base URL, else the address the request came to.</summary>
public static class SiteAddress
{
    public static Uri BaseUrl(HttpRequest request, SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        return !string.IsNullOrWhiteSpace(settings.BaseUrl) && Uri.TryCreate(settings.BaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var configured)
            ? configured
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    public static string Absolute(Uri baseUrl, string path) => new Uri(baseUrl, path.TrimStart('/')).AbsoluteUri;
}
