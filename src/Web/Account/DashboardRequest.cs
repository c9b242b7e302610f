using Microsoft.AspNetCore.Diagnostics;

namespace Digest.Web.Account;

/// <summary>Whether a request belongs to the dashboard: its address is under /admin, or it is the 404 page shown for such an address.</summary>
public static class DashboardRequest
{
    public static bool Is(HttpContext? context) => AddressOf(context)?.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A signed-in user's 404 under /admin is answered inside the dashboard; a stranger gets the public one.</summary>
    public static bool IsDashboardNotFound(HttpContext? context) => Is(context) && context!.User.Identity?.IsAuthenticated == true;

    /// <summary>The address asked for: the original one while a status page re-executes (the 404 of an unknown address), else the request's.</summary>
    public static string? AddressOf(HttpContext? context) =>
        context is null ? null : context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? context.Request.Path.Value;
}
