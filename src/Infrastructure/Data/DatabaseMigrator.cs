using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Digest.Infrastructure.Data;

/// <summary>Brings the schema up to date and makes the rows every install needs (settings, default sources).</summary>
public sealed class DatabaseMigrator(DigestDbContext db, DatabaseOptions options, DatabaseSeeder seeder, ILogger<DatabaseMigrator> logger)
{
    /// <summary>An arbitrary constant: the advisory lock every Digest process takes to migrate a PostgreSQL database.</summary>
    private const long MigrationLock = 0x44494745_53544D47; // "DIGESTMG"

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
            await MigrateUnlockedAsync(cancellationToken);
            return;
        }

        await MigrateUnderAdvisoryLockAsync(cancellationToken);
    }

    // A method of its own so that a SQLite process never loads Npgsql to compile MigrateAsync (issue 15's memory).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task MigrateUnderAdvisoryLockAsync(CancellationToken cancellationToken)
    {
        // Two instances started together (compose starts both once PostgreSQL is healthy) would otherwise both read
        // the same pending list and the second would fail re-applying what the first just did. The lock is held on a
        // connection of its own, for the whole migration and seeding; the pending list is read once it is held.
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await MigrateUnlockedAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLock);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task MigrateUnlockedAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to the {Provider} database: {Migrations}", pending.Count, options.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await seeder.SeedAsync(cancellationToken);
    }
}
