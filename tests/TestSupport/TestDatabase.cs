using Digest.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Digest.TestSupport;

/// <summary>
/// A fresh, migrated database of either provider: a SQLite file in a temp folder, or a database of its own
/// on the test PostgreSQL server. Dispose removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseOptions options) => Options = options;

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The two providers, for theories: <c>[MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>An empty database (no schema yet).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (TestPostgres.ServerConnectionString is null)
            {
                throw new InvalidOperationException(TestPostgres.SkipReason);
            }

            var connectionString = await TestPostgres.CreateDatabaseAsync();
            return new TestDatabase(new DatabaseOptions(provider, connectionString, Path.GetTempPath()));
        }

        var directory = Directory.CreateTempSubdirectory("digest-test-").FullName;
        return new TestDatabase(new DatabaseOptions(provider, $"Data Source={Path.Combine(directory, "digest.db")};Pooling=False", directory));
    }

    /// <summary>A migrated and seeded database.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await CreateEmptyAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return database;
    }

    /// <summary>The database services alone, for tests below the web layer.</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDigestDatabase(Options);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(Options.ConnectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Options.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on this machine is cleaned up with the temp folder.
            }
        }
    }
}
