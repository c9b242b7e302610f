using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Digest.Infrastructure.Telemetry;

/// <summary>
/// Digest's own spans and measurements. The names are what an operator adds to a tracing or metrics backend;
/// the host's OpenTelemetry setup listens to <see cref="SourceName"/> (spans and meters) and to
/// <see cref="ModelSourceName"/> (the GenAI spans and metrics of Microsoft.Extensions.AI).
/// Static on purpose: instruments cost nothing until something listens, and every layer (jobs, ingest, writer,
/// web) records into the same ones without a constructor change.
/// </summary>
public static class DigestTelemetry
{
    public const string SourceName = "Digest";
    public const string ModelSourceName = "Digest.Model";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    public static readonly Counter<long> DraftsGenerated =
        Meter.CreateCounter<long>("digest.drafts.generated", "{draft}", "Drafts written by a generation run.");

    public static readonly Counter<long> GateFindings =
        Meter.CreateCounter<long>("digest.quality.findings", "{finding}", "Quality gate findings that stopped an approval or schedule.");

    public static readonly Counter<long> GateOverrides =
        Meter.CreateCounter<long>("digest.quality.overrides", "{approval}", "Approvals made over the quality gate with a recorded reason.");

    public static readonly Counter<long> SourceFetches =
        Meter.CreateCounter<long>("digest.source.fetches", "{fetch}", "Source fetches by outcome (stored, not_modified, failed).");

    public static readonly Counter<long> SourceFailures =
        Meter.CreateCounter<long>("digest.source.failures", "{failure}", "Source fetches that failed.");

    public static readonly Counter<long> ModelTokens =
        Meter.CreateCounter<long>("digest.model.tokens", "{token}", "Tokens sent to and received from a model (cached answers cost none).");

    public static readonly Counter<double> ModelCost =
        Meter.CreateCounter<double>("digest.model.cost", "{currency}", "Estimated cost of model calls, in the owner's currency (Digest:Llm:Prices).");

    public static readonly Counter<long> ModelCalls =
        Meter.CreateCounter<long>("digest.model.calls", "{call}", "Model calls by outcome; answers served from the response cache are counted apart.");

    public static readonly Counter<long> OutputCacheLookups =
        Meter.CreateCounter<long>("digest.output_cache.lookups", "{lookup}", "Public pages asked of the output cache, by result (hit or miss).");

    public static readonly Histogram<double> JobDuration =
        Meter.CreateHistogram<double>("digest.job.duration", "s", "How long background jobs ran, by job and outcome.");

    public static readonly Counter<long> AlertsSent =
        Meter.CreateCounter<long>("digest.alerts.sent", "{message}", "Alert messages delivered (or failed), by alert, channel and outcome.");
}
