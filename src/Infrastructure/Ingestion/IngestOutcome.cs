using System.Globalization;
using Digest.Domain.Generation;

namespace Digest.Infrastructure.Ingestion;

public enum IngestStatus
{
    /// <summary>Fetched and stored: new items added, known ones refreshed.</summary>
    Stored,
    /// <summary>The server answered 304: nothing new since the last fetch.</summary>
    NotModified,
    Failed,
    /// <summary>Not fetched: the source failed before and waits until its back-off ends.</summary>
    BackingOff,
    /// <summary>Not fetched: it was fetched a few minutes ago (by the hourly job) and what it gave is stored.</summary>
    RecentlyFetched,
}

/// <summary>What one source gave one ingest run, for the command line, the dashboard and the generation run.</summary>
public sealed record IngestOutcome(
    Guid SourceId,
    string SourceName,
    IngestStatus Status,
    int ItemsRead = 0,
    int NewItems = 0,
    string? Error = null,
    DateTime? RetryAfter = null,
    DateTime? LastFetchedAt = null)
{
    public bool Failed => Status is IngestStatus.Failed or IngestStatus.BackingOff;

    public int UpdatedItems => ItemsRead - NewItems;

    public string Describe() => Status switch
    {
        IngestStatus.Stored => $"{SourceName}: {ItemsRead} items, {NewItems} new, {UpdatedItems} updated",
        IngestStatus.NotModified => $"{SourceName}: not modified since the last fetch",
        IngestStatus.RecentlyFetched => string.Create(CultureInfo.InvariantCulture, $"{SourceName}: fetched at {LastFetchedAt:HH:mm} UTC, stored items used"),
        IngestStatus.BackingOff => string.Create(CultureInfo.InvariantCulture, $"{SourceName}: backing off until {RetryAfter:yyyy-MM-dd HH:mm} UTC (last error: {Error})"),
        _ => RetryAfter is { } retry
            ? string.Create(CultureInfo.InvariantCulture, $"{SourceName}: {Error} (next try after {retry:yyyy-MM-dd HH:mm} UTC)")
            : $"{SourceName}: {Error}",
    };

    /// <summary>The outcome as a generation run keeps it.</summary>
    public SourceOutcome ToSourceOutcome() => Status switch
    {
        IngestStatus.Stored => new SourceOutcome(SourceId, SourceName, true, ItemsRead, NewItems, false, null),
        IngestStatus.NotModified or IngestStatus.RecentlyFetched => new SourceOutcome(SourceId, SourceName, true, 0, 0, true, null),
        IngestStatus.BackingOff => new SourceOutcome(SourceId, SourceName, false, 0, 0, false, Describe()[(SourceName.Length + 2)..]),
        _ => new SourceOutcome(SourceId, SourceName, false, 0, 0, false, Error),
    };
}
