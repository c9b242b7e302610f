using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Digest.TestSupport.Instances;

/// <summary>Puts a job in the PostgreSQL job storage that running instances share, as another instance would.</summary>
public static class JobQueue
{
    public static string Enqueue<TJob>(string connectionString, System.Linq.Expressions.Expression<Func<TJob, Task>> job)
    {
        return new BackgroundJobClient(Storage(connectionString)).Enqueue(job);
    }

    /// <summary>Runs a recurring job now, as its schedule would (the instances' servers pick it up).</summary>
    public static void Trigger(string connectionString, string recurringJobId)
    {
        new RecurringJobManager(Storage(connectionString)).Trigger(recurringJobId);
    }

    private static PostgreSqlStorage Storage(string connectionString)
    {
        // Hangfire's log provider is process-wide: the last in-process app of an earlier test set it and was disposed since.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Fatal));
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
