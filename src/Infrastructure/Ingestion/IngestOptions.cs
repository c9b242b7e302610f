using System.Globalization;
using Digest.Infrastructure.Sources;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Ingestion;

/// <summary>When sources are read, from <c>Digest:Sources</c>: <c>IngestCron</c> and <c>ReuseFetchesForMinutes</c>.</summary>
public sealed record IngestOptions
{
    /// <summary>Hourly, on the hour: often enough for scores and comment counts to build up across the day, rare
    /// enough to be polite (and every fetch is a conditional GET).</summary>
    public const string DefaultCron = "0 * * * *";

    /// <summary>Five-field cron of the recurring ingest job, in UTC.</summary>
    public string Cron { get; init; } = DefaultCron;

    /// <summary>The daily generation does not fetch again a source that was fetched successfully this recently (by
    /// the hourly job, say); it uses what is stored. Zero makes generation always fetch.</summary>
    public TimeSpan ReuseFetchesFor { get; init; } = TimeSpan.FromMinutes(30);

    public static IngestOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SourceFetchingOptions.SectionName);
        var defaults = new IngestOptions();
        return new IngestOptions
        {
            Cron = section["IngestCron"] is { Length: > 0 } cron ? cron.Trim() : defaults.Cron,
            ReuseFetchesFor = double.TryParse(section["ReuseFetchesForMinutes"], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes >= 0
                ? TimeSpan.FromMinutes(minutes)
                : defaults.ReuseFetchesFor,
        };
    }
}
