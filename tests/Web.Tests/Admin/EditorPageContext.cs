using Digest.Infrastructure.Quality;
using System.Security.Claims;
using Bunit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Newsletter;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Settings;
using Digest.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>
/// bUnit with the real services (editor, settings, renderer, Identity) over the app's migrated SQLite database, and
/// a real editor account as the signed-in user. Only the browser (JS interop) is bUnit's.
/// </summary>
public abstract class EditorPageContext : BunitContext, IAsyncLifetime
{
    protected DigestAppFactory App { get; private set; } = default!;

    /// <summary>Who the page's user is: the editor, unless a test class needs the admin.</summary>
    protected virtual string SignedInAs => Dashboard.EditorEmail;

    /// <summary>Services a test class adds to the page's container (before the renderer freezes it).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        App = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(App);
        // The page's own container (bUnit's) gets the real services, on the app's migrated database.
        Services.AddLogging();
        Services.AddDigestDatabase(App.Database.Options);
        Services.AddPublishing();
        Services.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        Services.AddQualityGate(configuration);
        // The editor's email panel (who will get the post); no SMTP server is set, so it says email is off.
        Services.AddNewsletter(configuration, runServer: false);
        Services.AddScoped<PostEditor>();
        Services.AddSingleton<SiteSettingsStore>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<DigestDbContext>();
        Services.AddScoped<AccessCheck>();
        Services.AddScoped<DashboardAccess>();
        AddServices(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        await SignInAsync(SignedInAs);
        // Last: touching the renderer freezes the service collection.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected async Task SignInAsync(string email)
    {
        // The claims a real sign-in gives: id, security stamp and roles, which every action checks against the database.
        var (id, stamp, roles) = await App.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            return (user.Id, await users.GetSecurityStampAsync(user), await users.GetRolesAsync(user));
        });
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles([.. roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id), new Claim("AspNet.Identity.SecurityStamp", stamp));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
    }
}
