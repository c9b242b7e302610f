using Digest.Infrastructure.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the same database as the posts: PostgreSQL storage with Postgres, in-memory storage with SQLite.
    /// Hangfire only triggers work; the truth (drafts, schedules) is in the database, so in-memory storage loses nothing.</summary>
    public static IServiceCollection AddDigestJobs(this IServiceCollection services, DatabaseOptions database, bool runServer)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    storage => storage.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        // Without this a job still running after 30 minutes is fetched again by another worker.
                        UseSlidingInvisibilityTimeout = true,
                        PrepareSchemaIfNecessary = true,
                        SchemaName = "hangfire",
                    });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        if (runServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = 2;
                server.ServerName = $"digest-{Environment.MachineName}";
            });
        }

        // Our filters come through the container, not Hangfire's static GlobalJobFilters: several hosts in one process
        // (tests) would otherwise each add theirs to every other's jobs.
        services.AddSingleton<JobTelemetryFilter>();
        services.AddSingleton<Hangfire.Common.IJobFilterProvider, DigestJobFilterProvider>();
        services.AddScoped<GenerateDailyDigestJob>();
        services.AddScoped<PublishDuePostsJob>();
        services.AddScoped<IngestSourcesJob>();
        services.AddScoped<CheckAlertsJob>();
        services.AddSingleton<RecurringJobSchedule>();
        return services;
    }
}
