using System.Runtime.CompilerServices;
using Digest.Infrastructure.Data;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the same database as the posts: PostgreSQL storage with Postgres, in-memory storage with SQLite.
    /// Hangfire only triggers work; the truth (drafts, schedules) is in the database, so in-memory storage loses nothing.</summary>
    /// <param name="pollInterval">How often a PostgreSQL job server looks for new jobs (Hangfire's default: 15 s).</param>
    public static IServiceCollection AddDigestJobs(this IServiceCollection services, DatabaseOptions database, bool runServer, TimeSpan? pollInterval = null)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new CurrentJob());
            if (database.Provider == DatabaseProvider.Postgres)
            {
                UsePostgres(config, database.ConnectionString, pollInterval ?? TimeSpan.FromSeconds(15));
            }
            else
            {
                // The embedded store keeps finished jobs in the process's memory; with jobs every minute, Hangfire's
                // default of hours of history was a steady creep on an idle site (ADR 0029). An hour is enough to see
                // what just ran; the runs themselves are kept in the database.
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) });
            }
        });

        if (runServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = 2;
                server.ServerName = $"digest-{Environment.MachineName}";
            });
            services.AddHostedService<RunRecoveryService>();
        }

        // Our filters come through the container, not Hangfire's static GlobalJobFilters: several hosts in one process
        // (tests) would otherwise each add theirs to every other's jobs.
        services.AddSingleton<JobTelemetryFilter>();
        services.AddSingleton<Hangfire.Common.IJobFilterProvider, DigestJobFilterProvider>();
        services.AddScoped<GenerateDailyDigestJob>();
        services.AddScoped<JobTriggers>();
        services.AddScoped<PublishDuePostsJob>();
        services.AddScoped<IngestSourcesJob>();
        services.AddScoped<CheckAlertsJob>();
        services.AddSingleton<RecurringJobSchedule>();
        return services;
    }

    // Its own method so that a SQLite process never loads Hangfire.PostgreSql and Npgsql to compile the lambda above.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UsePostgres(IGlobalConfiguration config, string connectionString, TimeSpan pollInterval) =>
        config.UsePostgreSqlStorage(
            storage => storage.UseNpgsqlConnection(connectionString),
            new PostgreSqlStorageOptions
            {
                // Without this a job still running after 30 minutes is fetched again by another worker.
                UseSlidingInvisibilityTimeout = true,
                PrepareSchemaIfNecessary = true,
                SchemaName = "hangfire",
                QueuePollInterval = pollInterval,
            });
}
