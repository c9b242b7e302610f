namespace Digest.Web.Account;

/// <summary>Until an owner exists, every visit to /admin goes to the one-time setup page; after that, the setup page does not exist.</summary>
internal sealed class OwnerSetupRedirect(RequestDelegate next, OwnerSetup setup)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/admin") && await setup.IsOpenAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        if (context.Request.Path.StartsWithSegments("/setup") && !await setup.IsOpenAsync(context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }
}
