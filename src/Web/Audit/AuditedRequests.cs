using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Web.Account;

namespace Digest.Web.Audit;

/// <summary>
/// Makes each request's user and address the current audit actor (<see cref="AuditContext"/>), so whatever the
/// request changes is recorded with who and from where; and records what the Hangfire dashboard is asked to do
/// (trigger, requeue, delete jobs), which happens inside Hangfire where nothing of ours could see it.
/// </summary>
internal static class AuditedRequests
{
    public const string JobsPath = "/admin/jobs";

    public static IApplicationBuilder UseAuditedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using var acting = AuditContext.Enter(Actor(context));
        // The dashboard also POSTs to /stats every few seconds to refresh its counters: that changes nothing.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(JobsPath, out var action)
            && !action.StartsWithSegments("/stats"))
        {
            await RecordJobActionAsync(context, action, next);
            return;
        }

        await next(context);
    });

    private static AuditActor Actor(HttpContext context)
    {
        var origin = context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown address";
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new AuditActor("anonymous", null, origin);
        }

        var verdict = context.Items[SignInValidation.VerdictItem] as AccessVerdict;
        return new AuditActor(verdict?.Name ?? user.Identity.Name ?? "unknown", user.UserId(), origin);
    }

    private static async Task RecordJobActionAsync(HttpContext context, PathString action, RequestDelegate next)
    {
        // Hangfire reads the form through the same (cached) form feature, so reading it first costs nothing.
        var jobs = context.Request.HasFormContentType ? string.Join(", ", (await context.Request.ReadFormAsync(context.RequestAborted))["jobs[]"].ToArray()) : "";
        await next(context);
        if (context.User.Identity?.IsAuthenticated != true || context.Response.StatusCode >= 400)
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<DigestDbContext>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        db.Audit(clock, AuditActions.JobDashboardAction, AuditSubject.Job("Hangfire dashboard"),
            $"{action.Value?.TrimStart('/')}{(jobs.Length == 0 ? "" : $" ({jobs})")}");
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
