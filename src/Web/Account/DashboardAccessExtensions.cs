using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

public static class DashboardAccessExtensions
{
    /// <summary>
    /// Revocation that takes effect at once: the sign-in cookie checked against the database on every request, every
    /// dashboard circuit guarded before each interactive action and told when its user's access changes.
    /// </summary>
    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AccessCheck>();
        services.AddScoped<DashboardAccess>();
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitAccessGuard>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitAccessGuard>());
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.SectionName));
        services.AddHostedService<OpenCircuitsMonitor>();
        services.AddScoped<SignInAttempts>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
            cookie.Events.OnValidatePrincipal = SignInValidation.ValidatePrincipalAsync);
        return services;
    }
}
