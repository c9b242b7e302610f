using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Digest.Web.Tests.Operations.Instances;

/// <summary>Puts a job in the PostgreSQL job storage that running instances share, as another instance would.</summary>
internal static class JobQueue
{
    public static string Enqueue<TJob>(string connectionString, System.Linq.Expressions.Expression<Func<TJob, Task>> job)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        return new BackgroundJobClient(storage).Enqueue(job);
    }
}
