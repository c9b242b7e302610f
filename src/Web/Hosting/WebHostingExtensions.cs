using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Jobs;
using Digest.Web.Account;
using Digest.Web.Audit;
using Digest.Web.Caching;
using Digest.Web.Components;
using Digest.Web.Edge;
using Digest.Web.Feeds;
using Digest.Web.Newsletter;
using Digest.Web.Health;
using Digest.Web.PublicSite;
using Digest.Web.Telemetry;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Hosting;

public static class WebHostingExtensions
{
    public const string AdminPolicy = "AdminOnly";

    /// <summary>Users and roles, for the site and for the command line's <c>users</c> verb alike. Signing in is the
    /// site's alone (<see cref="AddDigestWeb"/>): it needs the authentication services a verb host does not have.</summary>
    public static IHostApplicationBuilder AddDigestIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Sign-ins survive restarts and hold across instances because the keys live in the database.
        services.AddDigestDataProtection(builder.Configuration);
        // The sign-in manager needs the authentication services even in a verb that signs nobody in: without them the
        // Development host's check of every registration at start-up stops `dotnet run --project src/Web -- <verb>`.
        services.AddAuthentication();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                // Length over composition rules (NIST SP 800-63B): a long passphrase needs no digit or capital.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DigestDbContext>()
            .AddDefaultTokenProviders();
        // The sign-in manager needs the scheme provider even on the command line, where Development validates every service.
        services.AddAuthentication();
        services.AddScoped<UserAdministration>();
        return builder;
    }

    public static IHostApplicationBuilder AddDigestWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddDigestTelemetry();
        services.AddDigestEdge(builder.Configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "digest.auth";
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        services.AddSingleton<OwnerSetup>();
        services.AddDashboardAccess(builder.Configuration);
        services.AddDigestHealthChecks();
        services.AddDigestOutputCache(builder.Configuration);
        services.AddIdleMemoryTrim();
        services.AddPublicSite();
        return builder;
    }

    /// <summary>Migrates the database, seeds first-run rows and schedules the recurring jobs from the settings.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await DataProtectionSetup.ImportKeyFilesAsync(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleAsync();
        app.Services.GetRequiredService<RecurringJobSchedule>().Apply(settings);
    }

    public static WebApplication UseDigestWeb(this WebApplication app)
    {
        app.UseDigestEdge();
        // Dashboard addresses that lead nowhere are answered inside the dashboard (AdminNotFound), not here.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<OwnerSetupRedirect>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAuditedRequests();
        app.UseOutputCache();
        app.UsePublicSite();
        app.UseAntiforgery();
        app.UseMiddleware<OldAddressRedirects>();

        app.MapStaticAssets();
        app.MapDigestHealth();
        app.MapDigestTelemetry();
        app.MapFeeds();
        app.MapPublicSite();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapSourceListEndpoints();
        app.MapNewsletter();
        app.MapHangfireDashboardWithAuthorizationPolicy(AdminPolicy, "/admin/jobs", new DashboardOptions
        {
            DashboardTitle = "Digest jobs",
            AppPath = "/admin",
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
