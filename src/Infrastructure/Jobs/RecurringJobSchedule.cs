using Cronos;
using Digest.Domain.Common;
using Digest.Domain.Settings;
using Digest.Infrastructure.Ingestion;
using Hangfire;

namespace Digest.Infrastructure.Jobs;

/// <summary>Keeps Hangfire's recurring jobs in line with the settings (cron and time zone of the daily run, cron of the ingest).</summary>
public sealed class RecurringJobSchedule(IRecurringJobManager jobs, IngestOptions ingest)
{
    public void Apply(SiteSettings settings)
    {
        var cron = Validate(settings.ScheduleCron);
        jobs.AddOrUpdate<GenerateDailyDigestJob>(
            GenerateDailyDigestJob.RecurringJobId,
            job => job.RunAsync("schedule", CancellationToken.None),
            cron,
            new RecurringJobOptions { TimeZone = settings.FindTimeZone() });
        jobs.AddOrUpdate<PublishDuePostsJob>(
            PublishDuePostsJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely());
        jobs.AddOrUpdate<CheckAlertsJob>(
            CheckAlertsJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely());
        jobs.AddOrUpdate<IngestSourcesJob>(
            IngestSourcesJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Validate(ingest.Cron));
    }

    /// <summary>Checks a five-field cron expression, with an error an admin can act on.</summary>
    public static string Validate(string cron)
    {
        try
        {
            CronExpression.Parse(cron);
            return cron.Trim();
        }
        catch (CronFormatException ex)
        {
            throw new DomainException($"\"{cron}\" is not a valid schedule (five fields: minute hour day month weekday, e.g. \"30 5 * * *\"): {ex.Message}");
        }
    }
}
