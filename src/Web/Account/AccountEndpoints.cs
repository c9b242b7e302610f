using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the page's antiforgery token, so no other site can sign an editor out. UseAntiforgery only
        // records the result for an endpoint that binds no form: the endpoint has to refuse a failed check itself.
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn, DigestDbContext db, TimeProvider clock) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // Re-executing the pipeline for a status page would run the antiforgery check again on this request, and throw.
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                return Results.BadRequest();
            }

            if (context.User.UserId() is { } id)
            {
                db.Audit(clock, AuditActions.SignedOut, AuditSubject.User(id, context.User.Identity?.Name));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
