using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Newsletter;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.Infrastructure.Newsletter.Subscribing;
using Digest.Web.Components;
using Digest.Web.Edge;
using Digest.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Digest.Web.Newsletter;

/// <summary>
/// The newsletter's form posts, outside Blazor so that public pages stay cacheable (no antiforgery cookie) and a script
/// can post a bare <c>email</c> field: <c>POST /subscribe</c>, <c>POST /unsubscribe?token=…</c> (also the RFC 8058
/// one-click target), and the admin's CSV download. Browsers get pages; other clients get a status code and one line.
/// No antiforgery: subscribing is double opt-in (a forged post only sends a confirmation email, which the form's rate
/// limit and honeypot keep rare), and unsubscribing needs the token from the reader's own email (ADR 0020).
/// </summary>
public static class NewsletterEndpoints
{
    /// <summary>The hidden field people never fill in and form-filling bots do.</summary>
    public const string Honeypot = "website";

    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder app)
    {
        // The pages at these addresses are Blazor's, which also take POSTs: the order puts these endpoints first.
        app.MapPost("/subscribe", SubscribeAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Subscribe).WithOrder(-1);
        app.MapPost("/unsubscribe", UnsubscribeAsync).DisableAntiforgery().WithOrder(-1);
        app.MapGet("/admin/subscribers/export.csv", ExportAsync).RequireAuthorization(WebHostingExtensions.AdminPolicy);
        return app;
    }

    private static async Task<IResult> SubscribeAsync(HttpContext http, Subscriptions subscriptions, NewsletterAvailability availability, CancellationToken cancellationToken)
    {
        var page = WantsPage(http.Request);
        if (!http.Request.HasFormContentType)
        {
            return Results.Text("Send the address as a form field named \"email\" (application/x-www-form-urlencoded).\n", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var typed = form["email"].Count > 1 ? string.Join(", ", form["email"].ToArray()) : form["email"].ToString();
        if (!string.IsNullOrEmpty(form[Honeypot]))
        {
            // Answered exactly like a real request, so a bot learns nothing; nothing is stored and nobody is emailed.
            return Accepted(page);
        }

        if (!await availability.IsOpenAsync(cancellationToken))
        {
            return Problem(http, page, StatusCodes.Status503ServiceUnavailable, "The newsletter is not open yet.", typed);
        }

        if (!EmailAddress.TryParse(typed, out var address, out var error))
        {
            return Problem(http, page, StatusCodes.Status400BadRequest, error, typed);
        }

        var frequency = string.Equals(form["frequency"], "weekly", StringComparison.OrdinalIgnoreCase) ? DeliveryFrequency.Weekly : DeliveryFrequency.Daily;
        await subscriptions.RequestAsync(address, frequency, cancellationToken);
        return Accepted(page);
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, Subscriptions subscriptions, string? token, CancellationToken cancellationToken)
    {
        NewsletterPage.KeepPrivate(http);
        var page = WantsPage(http.Request);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var switchTo = form?["frequency"].ToString() switch
        {
            "weekly" => DeliveryFrequency.Weekly,
            "daily" => DeliveryFrequency.Daily,
            _ => (DeliveryFrequency?)null,
        };

        try
        {
            var found = switchTo is { } frequency
                ? await subscriptions.ChangeFrequencyAsync(token, frequency, cancellationToken)
                : await subscriptions.UnsubscribeAsync(token, cancellationToken);
            if (!found)
            {
                return page
                    ? new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }
                    : Results.Text("This unsubscribe link is not valid.\n", statusCode: StatusCodes.Status404NotFound);
            }
        }
        catch (DomainException ex)
        {
            return Problem(http, page, StatusCodes.Status409Conflict, ex.Message, null);
        }

        var done = switchTo switch
        {
            DeliveryFrequency.Weekly => "Done: from now on you get one email a week, with the week's posts.",
            DeliveryFrequency.Daily => "Done: from now on you get every post by email.",
            _ => "You are unsubscribed. You will get no more emails from us.",
        };
        if (!page)
        {
            return Results.Text(done + "\n");
        }

        NewsletterPage.Done(http, done);
        return new RazorComponentResult<App>();
    }

    private static async Task ExportAsync(HttpContext http, SubscriberCsv csv, TimeProvider clock, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"subscribers-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await csv.ExportAsync(writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static IResult Accepted(bool page) =>
        page
            ? new SeeOther("/subscribe/thanks")
            : Results.Text("Thanks. If the address can subscribe, a confirmation email is on its way: follow its link to start.\n", statusCode: StatusCodes.Status202Accepted);

    private static IResult Problem(HttpContext http, bool page, int status, string problem, string? typed)
    {
        if (!page)
        {
            return Results.Text(problem + "\n", statusCode: status);
        }

        NewsletterPage.Problem(http, problem, typed);
        return new RazorComponentResult<App> { StatusCode = status };
    }

    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>303: after a form post, the browser GETs the next page (and a reload does not post again).</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
