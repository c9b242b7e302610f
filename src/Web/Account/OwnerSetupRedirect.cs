namespace Digest.Web.Account;

/// <summary>Until an owner exists, every visit to /admin goes to the one-time setup page.</summary>
internal sealed class OwnerSetupRedirect(RequestDelegate next, OwnerSetup setup)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/admin") && await setup.IsOpenAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
