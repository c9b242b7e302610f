using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// The whole app on a real port (Kestrel on 127.0.0.1), with the Hangfire server running and the demo sources,
/// over a fresh SQLite database, with an admin and an editor account.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "owner@example.com";
    public const string EditorEmail = "editor@example.com";
    public const string Password = "correct horse battery";

    private TestDatabase _database = default!;

    public Uri Address { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await using var scope = Services.CreateAsyncScope();
        foreach (var (email, role) in new[] { (AdminEmail, Roles.Admin), (EditorEmail, Roles.Editor) })
        {
            var created = await UserAccounts.CreateAsync(scope.ServiceProvider, email, Password, role);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's files (blazor.web.js) are only found through the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Digest:Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Digest", _database.Options.ConnectionString);
        builder.UseSetting("Digest:DataDirectory", _database.Options.DataDirectory);
        builder.UseSetting("Digest:Demo", "true");
        builder.UseSetting("Digest:Jobs:Server", "true");
        // Browser tests see a revocation through the user's next action and this process's own notice, never by
        // waiting for the periodic check (which covers changes made by another instance or the command line).
        builder.UseSetting("Digest:Access:CircuitCheckInterval", "01:00:00");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
