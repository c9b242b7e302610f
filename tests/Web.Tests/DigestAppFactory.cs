using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests;

/// <summary>
/// The whole app over a real database of its own (SQLite file or PostgreSQL database), with sources allowed on
/// 127.0.0.1 so tests can serve feeds locally. The clock is the real one: HTTP resilience (retry delays, timeouts)
/// runs on the app's TimeProvider, and a frozen fake clock would make those waits endless.
/// </summary>
public sealed class DigestAppFactory(TestDatabase database, bool runJobServer = false, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>When the test run began; sample feed items are dated relative to it so they count as fresh.</summary>
    public static readonly DateTimeOffset Start = TimeProvider.System.GetUtcNow();

    public TestDatabase Database { get; } = database;

    /// <summary>False when several instances share one database: the test disposes it once, after them all.</summary>
    public bool OwnsDatabase { get; init; } = true;

    /// <summary>Replaces services after the app registered its own (a fake clock, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <param name="runJobServer">Start Hangfire's server (the "Generate now" button needs it); tests that run jobs directly leave it off.</param>
    /// <param name="settings">Configuration of the test's own (e.g. <c>Digest:Demo</c>, <c>Digest:RateLimits:Search:PermitLimit</c>), applied last.</param>
    /// <remarks>The database is a migrated copy (<see cref="TestDatabase.CreateAsync"/>); pass <see cref="TestDatabase.CreateEmptyAsync"/> to the constructor to have the app migrate it at start-up.
    /// A second instance over the same database (as in production) is <c>new DigestAppFactory(first.Database) { OwnsDatabase = false }</c>.</remarks>
    public static async Task<DigestAppFactory> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool runJobServer = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateAsync(provider), runJobServer, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Digest:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Digest", Database.Options.ConnectionString);
        builder.UseSetting("Digest:DataDirectory", Database.Options.DataDirectory);
        builder.UseSetting("Digest:Sources:AllowPrivateNetworks", "true");
        builder.UseSetting("Digest:Jobs:Server", runJobServer ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
