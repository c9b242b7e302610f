using System.Security.Claims;
using Bunit;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Digest.Infrastructure;
using Digest.Web.Account;
using Digest.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Web.Tests.Admin;

/// <summary>
/// bUnit with the app's own registrations (the same AddInfrastructure and AddDigestIdentity the host calls, so the real
/// catalog, editor, discovery…) over the app's migrated SQLite database. Only the browser (navigation, JS interop)
/// and the signed-in user are bUnit's.
/// </summary>
public abstract class DashboardPageContext : BunitContext, IAsyncLifetime
{
    protected DigestAppFactory App { get; private set; } = default!;

    /// <summary>Configuration the test needs beyond the defaults, e.g. demo mode.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string SignedInAs => Dashboard.AdminEmail;

    public virtual async Task InitializeAsync()
    {
        App = await DigestAppFactory.CreateAsync(settings: Settings);
        await Dashboard.AddUsersAsync(App);
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Database:Provider"] = App.Database.Provider.ToString(),
            ["ConnectionStrings:Digest"] = App.Database.Options.ConnectionString,
            ["Digest:DataDirectory"] = App.Database.Options.DataDirectory,
            ["Digest:Sources:AllowPrivateNetworks"] = "true",
        }).AddInMemoryCollection(Settings);
        host.AddInfrastructure(runJobs: false);
        host.AddDigestIdentity();
        host.Services.AddScoped<AccessCheck>();
        host.Services.AddScoped<DashboardAccess>();
        host.Services.AddScoped<UserAdministration>();
        foreach (var service in host.Services)
        {
            Services.Add(service);
        }

        Services.AddSingleton<IConfiguration>(host.Configuration);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The claims a real sign-in gives: id, security stamp and roles, which every action checks against the database.
        var (id, stamp, roles) = await App.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(SignedInAs))!;
            return (user.Id, await users.GetSecurityStampAsync(user), await users.GetRolesAsync(user));
        });
        var auth = AddAuthorization();
        auth.SetAuthorized(SignedInAs);
        auth.SetRoles([.. roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id), new Claim("AspNet.Identity.SecurityStamp", stamp));
        // Last: touching the renderer freezes the service collection.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
        await DisposeMoreAsync();
    }

    /// <summary>What a test class started besides the app (a local web server, say).</summary>
    protected virtual Task DisposeMoreAsync() => Task.CompletedTask;
}
