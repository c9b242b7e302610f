using Microsoft.AspNetCore.Components;

namespace Digest.Web.Account;

/// <summary>Redirects from static account pages; only to local addresses, so a returnUrl can never send someone elsewhere.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalOnly(uri));
    }

    /// <summary>
    /// A path on this site, or the dashboard: absolute URLs, protocol-relative "//host" and "/\host" are refused, and
    /// so is anything that is not plain printable ASCII (a redirect's Location header can carry nothing else).
    /// </summary>
    public static string LocalOnly(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)
            || uri.Length > 2048
            || uri.Any(c => c is < '!' or > '~')
            || !uri.StartsWith('/')
            || uri.StartsWith("//", StringComparison.Ordinal)
            || uri.StartsWith("/\\", StringComparison.Ordinal)
            || !Uri.IsWellFormedUriString(uri, UriKind.Relative))
        {
            return "/admin";
        }

        return uri;
    }
}
