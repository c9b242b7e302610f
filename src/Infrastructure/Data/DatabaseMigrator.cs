using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Data;

/// <summary>Brings the schema up to date and makes the rows every install needs (settings, default sources).</summary>
public sealed class DatabaseMigrator(DigestDbContext db, DatabaseOptions options, DatabaseSeeder seeder, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to the {Provider} database: {Migrations}", pending.Count, options.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await seeder.SeedAsync(cancellationToken);
    }
}
