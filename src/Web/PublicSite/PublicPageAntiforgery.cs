using Microsoft.AspNetCore.Components.Forms;

namespace Digest.Web.PublicSite;

/// <summary>
/// Blazor persists an antiforgery token into every server-rendered page once an app has interactive render modes
/// (the dashboard), and storing that token sets a cookie and "Cache-Control: no-store". A response that sets a cookie
/// is never output cached, so public pages would be rendered for every reader. Pages marked <see cref="PublicPageAttribute"/>
/// have no form that posts; for them the token provider has no token, and nothing is persisted or set.
/// </summary>
internal static class PublicPageAntiforgery
{
    public static IServiceCollection UseNoAntiforgeryOnPublicPages(this IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(AntiforgeryStateProvider))
            ?? throw new InvalidOperationException("Register Razor components before the public site: no AntiforgeryStateProvider to wrap.");
        services.Remove(original);
        services.AddHttpContextAccessor();
        services.AddScoped(provider =>
        {
            var endpoint = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.GetEndpoint();
            return endpoint?.Metadata.GetMetadata<PublicPageAttribute>() is not null
                ? new NoAntiforgeryToken()
                : Create(provider, original);
        });
        return services;
    }

    // The original provider itself (not a wrapper): the renderer hands it the request only if it is the endpoint's own type.
    private static AntiforgeryStateProvider Create(IServiceProvider provider, ServiceDescriptor original) =>
        (AntiforgeryStateProvider)(original.ImplementationFactory?.Invoke(provider)
            ?? original.ImplementationInstance
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));

    private sealed class NoAntiforgeryToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
