using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Digest.Web.Edge;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows scripts, styles and connections from the site
/// itself only — no inline script anywhere, no eval — which both the static public pages and the Blazor dashboard
/// (blazor.web.js and its WebSocket) work under; framing forbidden; no sniffing; referrers cut to the origin across
/// sites; browser features the site never uses switched off.
/// <para>
/// Public pages are output cached and shared by every reader, so a per-request nonce cannot be used: there is no
/// inline script to allow (JSON-LD is data, not script). An inline script added later must be allowed by its hash.
/// The Hangfire dashboard alone puts style attributes in its markup; its policy allows inline styles, still no
/// inline script. <c>upgrade-insecure-requests</c> is sent only over HTTPS, so a plain-HTTP install keeps working.
/// </para>
/// </summary>
internal static class SecurityHeaders
{
    private const string Https = "https";
    private const string JobsDashboard = "jobs";
    private const string JobsDashboardHttps = "jobs-https";
    private const string Private = "private";
    private const string PrivateHttps = "private-https";

    /// <summary>Set by a page whose address holds a secret (a newsletter token): its referrer is never sent anywhere.</summary>
    public const string NoReferrerItem = "digest:no-referrer";

    public static IServiceCollection AddDigestSecurityHeaders(this IServiceCollection services)
    {
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p, https: false, inlineStyles: false))
            .AddPolicy(Https, p => Common(p, https: true, inlineStyles: false))
            .AddPolicy(JobsDashboard, p => Common(p, https: false, inlineStyles: true))
            .AddPolicy(JobsDashboardHttps, p => Common(p, https: true, inlineStyles: true))
            .AddPolicy(Private, p => Common(p, https: false, inlineStyles: false, noReferrer: true))
            .AddPolicy(PrivateHttps, p => Common(p, https: true, inlineStyles: false, noReferrer: true))
            .SetPolicySelector(Select));
        return services;
    }

    private static IReadOnlyHeaderPolicyCollection Select(PolicySelectorContext context)
    {
        var request = context.HttpContext.Request;
        // Chosen as the response starts, when Hangfire has moved "/admin/jobs" into PathBase.
        var name = request.PathBase.Add(request.Path).StartsWithSegments("/admin/jobs")
            ? request.IsHttps ? JobsDashboardHttps : JobsDashboard
            : context.HttpContext.Items.ContainsKey(NoReferrerItem) ? request.IsHttps ? PrivateHttps : Private
            : request.IsHttps ? Https : null;
        return name is null ? context.DefaultPolicy : context.ConfiguredPolicies[name];
    }

    private static void Common(HeaderPolicyCollection policy, bool https, bool inlineStyles, bool noReferrer = false) => (noReferrer
            ? policy.AddReferrerPolicyNoReferrer()
            : policy.AddReferrerPolicyStrictOriginWhenCrossOrigin())
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
        .AddPermissionsPolicy(features =>
        {
            features.AddCamera().None();
            features.AddMicrophone().None();
            features.AddGeolocation().None();
            features.AddPayment().None();
            features.AddUsb().None();
            features.AddCustomFeature("browsing-topics").None();
        })
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            var styles = csp.AddStyleSrc().Self();
            if (inlineStyles)
            {
                styles.UnsafeInline();
            }

            // Cover images and pictures in posts may live elsewhere, over HTTPS.
            csp.AddImgSrc().Self().From("data:").From("https:");
            csp.AddFontSrc().Self();
            // 'self' covers the dashboard's WebSocket to the same host (ws: or wss:).
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            if (https)
            {
                csp.AddUpgradeInsecureRequests();
            }
        });
}
