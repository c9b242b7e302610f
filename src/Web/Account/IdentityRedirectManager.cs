using Microsoft.AspNetCore.Components;

namespace Digest.Web.Account;

/// <summary>Redirects from static account pages; only to local addresses, so a returnUrl can never send someone elsewhere.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalOnly(uri));
    }

    /// <summary>A path on this site, or the dashboard: absolute URLs, protocol-relative "//host" and "/\host" are refused.</summary>
    public static string LocalOnly(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)
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
