using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Web.Tests;

/// <summary>
/// The whole app over a real database of its own (SQLite file or PostgreSQL database), with a fake clock and
/// sources allowed on 127.0.0.1 so tests can serve feeds locally.
/// </summary>
public sealed class DigestAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 5, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public TestDatabase Database { get; } = database;

    public static async Task<DigestAppFactory> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await TestDatabase.CreateEmptyAsync(provider));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Digest:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Digest", Database.Options.ConnectionString);
        builder.UseSetting("Digest:DataDirectory", Database.Options.DataDirectory);
        builder.UseSetting("Digest:Sources:AllowPrivateNetworks", "true");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
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
        await Database.DisposeAsync();
    }
}
