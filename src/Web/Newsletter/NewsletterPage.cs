namespace Digest.Web.Newsletter;

/// <summary>
/// What a POST told the page it renders: the newsletter endpoints answer a browser's form post by rendering the page at
/// the same address (through the app's router) with these in <see cref="HttpContext.Items"/>, so a mistyped address comes
/// back with the text as typed and the reason, and no redirect carries either in a URL.
/// </summary>
public static class NewsletterPage
{
    private const string ProblemKey = "newsletter:problem";
    private const string TypedKey = "newsletter:typed";
    private const string DoneKey = "newsletter:done";

    public static void Problem(HttpContext http, string problem, string? typed)
    {
        http.Items[ProblemKey] = problem;
        http.Items[TypedKey] = typed;
    }

    public static void Done(HttpContext http, string message) => http.Items[DoneKey] = message;

    public static string? ProblemOf(HttpContext? http) => http?.Items[ProblemKey] as string;

    public static string? TypedOf(HttpContext? http) => http?.Items[TypedKey] as string;

    public static string? DoneOf(HttpContext? http) => http?.Items[DoneKey] as string;

    /// <summary>Pages with tokens in their address: never cached anywhere, and the token is not passed on as a referrer.</summary>
    public static void KeepPrivate(HttpContext? http)
    {
        if (http is { Response.HasStarted: false })
        {
            http.Response.Headers.CacheControl = "no-store";
            // The site's security headers are written as the response starts; this picks their no-referrer policy.
            http.Items[Edge.SecurityHeaders.NoReferrerItem] = true;
        }
    }
}
