using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

/// <summary>
/// Replaces Identity's security stamp validator (which looks every 30 minutes) with <see cref="AccessCheck"/> on every
/// request that carries the sign-in cookie: a role change, lock-out, password reset or deletion turns the very next
/// request away — page, export, Hangfire dashboard or circuit connection alike — and deletes the cookie.
/// </summary>
internal static class SignInValidation
{
    public const string RefusalItem = "Digest.SignInRefused";

    /// <summary>The verdict of the request's check, for the audit actor's name (the public name, not the email).</summary>
    public const string VerdictItem = "Digest.SignInVerdict";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var http = context.HttpContext;
        var verdict = await http.RequestServices.GetRequiredService<AccessCheck>().CheckAsync(principal, role: null, http.RequestAborted);
        if (!verdict.Revoked)
        {
            http.Items[VerdictItem] = verdict;
            return;
        }

        context.RejectPrincipal();
        http.Items[RefusalItem] = verdict.Refusal;
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
