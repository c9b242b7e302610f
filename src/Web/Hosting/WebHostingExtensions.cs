using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Jobs;
using Digest.Web.Account;
using Digest.Web.Audit;
using Digest.Web.Caching;
using Digest.Web.Components;
using Digest.Web.Feeds;
using Digest.Web.Newsletter;
using Digest.Web.PublicSite;
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
        // Sign-in cookies survive a restart (and a container's) because the keys live with the data.
        var keys = Path.Combine(DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath).DataDirectory, "keys");
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Digest");
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
        services.AddOutputCache(cache =>
        {
            // Sized for the site, not the framework's 100 MB default: ~2,000 pages or a few hundred feeds (ADR 0029).
            cache.SizeLimit = 32 * 1024 * 1024;
            cache.MaximumBodySize = 4 * 1024 * 1024;
            cache.AddBasePolicy(policy => policy.NoCache());
            cache.AddPolicy(OutputCachePublicSiteCache.PolicyName, policy => policy.Tag(OutputCachePublicSiteCache.Tag).SetVaryByQuery("page")
                .VaryByValue(PublicSiteFreshness.VaryByStampAsync).Expire(TimeSpan.FromHours(1)));
        });
        services.AddSingleton<PublicSiteFreshness>();
        services.AddSingleton<IPublicSiteCache, OutputCachePublicSiteCache>();
        services.AddIdleMemoryTrim();
        services.AddPublicSite();
        services.AddDigestRateLimits(builder.Configuration);
        services.AddHealthChecks()
            .AddDbContextCheck<DigestDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return builder;
    }

    /// <summary>Migrates the database, seeds first-run rows and schedules the recurring jobs from the settings.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleAsync();
        app.Services.GetRequiredService<RecurringJobSchedule>().Apply(settings);
    }

    public static WebApplication UseDigestWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<OwnerSetupRedirect>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditedRequests();
        app.UseOutputCache();
        app.UsePublicSite();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseMiddleware<OldAddressRedirects>();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapFeeds();
        app.MapPublicSite();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
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
