using Digest.Domain.Generation;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Ingestion;

/// <summary>
/// Fetches every enabled source that is not backing off and stores its items: new ones added, known ones
/// (same canonical URL from the same source) refreshed, so scores and comment counts follow the day. A source
/// that fails fails alone. Safe to run while another ingest or a generation runs: the database's unique index on
/// (source, canonical URL) keeps an item single, and a lost race is retried as an update.
/// </summary>
public sealed class SourceIngester(DigestDbContext db, ISourceFetcher fetcher, IngestOptions options, TimeProvider clock, ILogger<SourceIngester> logger)
{
    private const int ParallelFetches = 4;

    /// <summary>Fetches every source that is due, as the recurring job and <c>digest ingest</c> do.</summary>
    public Task<IReadOnlyList<IngestOutcome>> IngestAllAsync(CancellationToken cancellationToken) =>
        RunAsync(reuseFetchesFor: TimeSpan.Zero, cancellationToken);

    /// <summary>As the daily generation wants it: a source fetched within <see cref="IngestOptions.ReuseFetchesFor"/>
    /// is not fetched again (its stored items are used).</summary>
    public async Task<IReadOnlyList<SourceOutcome>> IngestAsync(CancellationToken cancellationToken) =>
        [.. (await RunAsync(options.ReuseFetchesFor, cancellationToken)).Select(o => o.ToSourceOutcome())];

    private async Task<IReadOnlyList<IngestOutcome>> RunAsync(TimeSpan reuseFetchesFor, CancellationToken cancellationToken)
    {
        var now = Now();
        var enabled = await db.Sources.Where(s => s.Enabled).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var outcomes = new IngestOutcome?[enabled.Count];
        var due = new List<int>();
        for (var i = 0; i < enabled.Count; i++)
        {
            var source = enabled[i];
            if (source.IsBackingOff(now))
            {
                outcomes[i] = new IngestOutcome(source.Id, source.Name, IngestStatus.BackingOff, Error: source.LastError, RetryAfter: source.RetryAfter, LastFetchedAt: source.LastFetchedAt);
            }
            else if (reuseFetchesFor > TimeSpan.Zero && source.LastSucceededAt is { } fetched && now - fetched < reuseFetchesFor)
            {
                outcomes[i] = new IngestOutcome(source.Id, source.Name, IngestStatus.RecentlyFetched, LastFetchedAt: fetched);
            }
            else
            {
                due.Add(i);
            }
        }

        // Fetch in parallel (the fetcher limits requests per host), store one after the other: a DbContext is not thread-safe.
        var results = new FetchResult[enabled.Count];
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelFetches, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await FetchSafelyAsync(enabled[i], ct));

        foreach (var i in due)
        {
            outcomes[i] = await StoreAsync(enabled[i], results[i], cancellationToken);
            // Stored items need no tracking any more; thousands of them would slow every later SaveChanges.
            ForgetSourcesAndItems();
        }

        return [.. outcomes.Select(o => o!)];
    }

    private async Task<FetchResult> FetchSafelyAsync(Source source, CancellationToken cancellationToken)
    {
        using var activity = SourceTelemetry.StartFetch(source);
        try
        {
            var result = await fetcher.FetchAsync(source, cancellationToken);
            SourceTelemetry.Record(activity, source, result);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Fetching {Source} failed unexpectedly", source.Name);
            var failure = FetchResult.Failure($"unexpected error: {ex.Message}");
            SourceTelemetry.Record(activity, source, failure);
            return failure;
        }
    }

    private async Task<IngestOutcome> StoreAsync(Source source, FetchResult result, CancellationToken cancellationToken)
    {
        // The ingest stops tracking sources between stores; work on a tracked copy.
        if (db.Entry(source).State == EntityState.Detached)
        {
            source = await db.Sources.SingleAsync(s => s.Id == source.Id, cancellationToken);
        }

        var now = Now();
        switch (result.Status)
        {
            case FetchStatus.NotModified:
                source.RecordNotModified(now);
                await db.SaveChangesAsync(cancellationToken);
                return new IngestOutcome(source.Id, source.Name, IngestStatus.NotModified, LastFetchedAt: now);
            case FetchStatus.Failed:
                var error = result.Error ?? "failed";
                source.RecordFailure(now, error, result.RetryAfter);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Source {Source} failed ({Failures} in a row, next try after {RetryAfter:u}): {Error}", source.Name, source.ConsecutiveFailures, source.RetryAfter, error);
                return new IngestOutcome(source.Id, source.Name, IngestStatus.Failed, Error: error, RetryAfter: source.RetryAfter, LastFetchedAt: now);
        }

        var byUrl = new Dictionary<string, FetchedItem>(StringComparer.Ordinal);
        foreach (var item in result.Items)
        {
            byUrl.TryAdd(UrlCanonicalizer.Canonicalize(item.Url), item);
        }

        try
        {
            return await UpsertAsync(source, result, byUrl, now, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException || ex.InnerException is DbUpdateException)
        {
            // Another ingest stored some of the same items a moment ago (Npgsql's execution strategy wraps the error);
            // read them back and update them instead.
            ForgetSourcesAndItems();
            source = await db.Sources.SingleAsync(s => s.Id == source.Id, cancellationToken);
            return await UpsertAsync(source, result, byUrl, now, cancellationToken);
        }
    }

    private async Task<IngestOutcome> UpsertAsync(Source source, FetchResult result, Dictionary<string, FetchedItem> byUrl, DateTime now, CancellationToken cancellationToken)
    {
        var urls = byUrl.Keys.ToList();
        var known = await db.SourceItems
            .Where(i => i.SourceId == source.Id && urls.Contains(i.CanonicalUrl))
            .ToDictionaryAsync(i => i.CanonicalUrl, StringComparer.Ordinal, cancellationToken);
        var added = 0;
        foreach (var (url, fetched) in byUrl)
        {
            if (known.TryGetValue(url, out var item))
            {
                item.Refresh(fetched, now);
            }
            else
            {
                db.SourceItems.Add(new SourceItem(source.Id, fetched, url, now));
                added++;
            }
        }

        source.RecordSuccess(now, result.ETag, result.LastModified);
        await db.SaveChangesAsync(cancellationToken);
        return new IngestOutcome(source.Id, source.Name, IngestStatus.Stored, byUrl.Count, added, LastFetchedAt: now);
    }

    /// <summary>Stops tracking what the ingest touched, and only that: the caller's own entities (the generation
    /// run of a draft being written) stay tracked in the shared DbContext.</summary>
    private void ForgetSourcesAndItems()
    {
        // Everything was just saved: no need to scan for changes before letting go.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries<SourceItem>().ToList())
            {
                entry.State = EntityState.Detached;
            }

            foreach (var entry in db.ChangeTracker.Entries<Source>().ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
