using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the provider's DbContext subclass, and <see cref="DigestDbContext"/> as an alias for it.</summary>
    public static IServiceCollection AddDigestDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresDigestDbContext>(db => ConfigurePostgres(db, options.ConnectionString));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<PostgresDigestDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteDigestDbContext>(db => ConfigureSqlite(db, options.ConnectionString));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<SqliteDigestDbContext>());
        }

        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DigestDbContext).Assembly.FullName));

    internal static void ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(DigestDbContext).Assembly.FullName));
}
