using Digest.Infrastructure.Ingestion;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Jobs;

/// <summary>
/// The recurring ingest (hourly by default), apart from the daily generation, so that scores and comment counts
/// build up across the day. Safe to overlap with itself or a generation: items are kept single by a unique index.
/// </summary>
public sealed class IngestSourcesJob(SourceIngester ingester, ILogger<IngestSourcesJob> logger)
{
    public const string RecurringJobId = "ingest-sources";

    // No Hangfire retry: the next run is an hour away and each failing source already backs off on its own.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Ingest the sources")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var outcomes = await ingester.IngestAllAsync(cancellationToken);
        foreach (var outcome in outcomes)
        {
            logger.LogInformation("Ingest: {Outcome}", outcome.Describe());
        }

        if (outcomes.Count > 0 && outcomes.All(o => o.Failed))
        {
            // Shown as a failed job in /admin/jobs; one failing source among working ones is shown on the Sources page only.
            throw new IngestFailedException("Every source failed: " + string.Join("; ", outcomes.Select(o => o.Describe())));
        }
    }
}

public sealed class IngestFailedException(string message) : Exception(message);
