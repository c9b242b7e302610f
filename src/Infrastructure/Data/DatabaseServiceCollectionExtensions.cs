using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the provider's DbContext subclass, and <see cref="DigestDbContext"/> as an alias for it.</summary>
    public static IServiceCollection AddDigestDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        // Publishing a post writes its newsletter mailing in the same transaction (see PublishingOutbox).
        services.TryAddSingleton<Newsletter.NewsletterSignal>();
        services.TryAddSingleton<Newsletter.PublishingOutbox>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresDigestDbContext>((sp, db) => ConfigurePostgres(db, options.ConnectionString).AddInterceptors(sp.GetRequiredService<Newsletter.PublishingOutbox>()));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<PostgresDigestDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteDigestDbContext>((sp, db) => ConfigureSqlite(db, options.ConnectionString).AddInterceptors(sp.GetRequiredService<Newsletter.PublishingOutbox>()));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<SqliteDigestDbContext>());
        }

        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DigestDbContext).Assembly.FullName));

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(DigestDbContext).Assembly.FullName));
}
