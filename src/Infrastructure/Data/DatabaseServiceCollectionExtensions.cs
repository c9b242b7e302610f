using Digest.Infrastructure.Freshness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the provider's DbContext subclass, and <see cref="DigestDbContext"/> as an alias for it, with the
    /// site's change stamp: every save that changes what readers see moves it (<see cref="SiteStampInterceptor"/>).</summary>
    public static IServiceCollection AddDigestDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        // Publishing a post writes its newsletter mailing in the same transaction (see PublishingOutbox); every change a
        // reader could see moves the site stamp that all processes' output caches follow (see SiteStampInterceptor).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Newsletter.NewsletterSignal>();
        services.TryAddSingleton<Newsletter.PublishingOutbox>();
        services.TryAddSingleton<SiteStampInterceptor>();
        services.TryAddSingleton<SiteStampReader>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresDigestDbContext>((sp, db) => ConfigurePostgres(db, options.ConnectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<PostgresDigestDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteDigestDbContext>((sp, db) => ConfigureSqlite(db, options.ConnectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<DigestDbContext>(sp => sp.GetRequiredService<SqliteDigestDbContext>());
        }

        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>The assembly that holds the migrations of both providers (src/Migrations), loaded by name when needed.</summary>
    public const string MigrationsAssembly = "Digest.Migrations";

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<Newsletter.PublishingOutbox>(), services.GetRequiredService<SiteStampInterceptor>()];
}
