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

    /// <summary>
    /// A migrated and seeded database: a copy of a template that this test process migrates once per provider (a file
    /// copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL). Migrating every test's database anew spent
    /// a minute and a half of CPU per test run; what a fresh database goes through is tested with
    /// <see cref="CreateEmptyAsync"/>, which the app and the verbs then migrate themselves.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var template = await PostgresTemplate.Value;
            var connectionString = await TestPostgres.CreateDatabaseAsync(template: template);
            return new TestDatabase(new DatabaseOptions(provider, connectionString, Path.GetTempPath()));
        }

        var file = await SqliteTemplate.Value;
        var database = await CreateEmptyAsync(provider);
        File.Copy(file, Path.Combine(database.Options.DataDirectory, "digest.db"));
        return database;
    }

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var template = await CreateEmptyAsync(DatabaseProvider.Sqlite);
        await template.MigrateAsync();
        RemoveAtExit(template);
        return Path.Combine(template.Options.DataDirectory, "digest.db");
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var template = await CreateEmptyAsync(DatabaseProvider.Postgres);
        await template.MigrateAsync();
        // CREATE DATABASE … TEMPLATE refuses a source that has sessions open: close the pooled ones.
        await using (var pooled = new Npgsql.NpgsqlConnection(template.Options.ConnectionString))
        {
            Npgsql.NpgsqlConnection.ClearPool(pooled);
        }

        RemoveAtExit(template);
        return new Npgsql.NpgsqlConnectionStringBuilder(template.Options.ConnectionString).Database!;
    });

    private static void RemoveAtExit(TestDatabase template) => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            // The server or the temp folder is already gone; what is left goes with the throwaway server or temp folder.
        }
    };

    private async Task MigrateAsync()
    {
        await using var services = BuildServices();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
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
