using Digest.Domain.Generation;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Ingestion;

/// <summary>
/// Fetches every enabled source that is not backing off and stores its items: new ones added, known ones
/// (same canonical URL from the same source) refreshed. A source that fails fails alone.
/// </summary>
public sealed class SourceIngester(DigestDbContext db, ISourceFetcher fetcher, TimeProvider clock, ILogger<SourceIngester> logger)
{
    private const int ParallelFetches = 4;

    public async Task<IReadOnlyList<SourceOutcome>> IngestAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = (await db.Sources.Where(s => s.Enabled).OrderBy(s => s.Name).ToListAsync(cancellationToken))
            .Where(s => s.IsDue(now))
            .ToList();

        // Fetch in parallel (the fetcher limits requests per host), store one after the other: a DbContext is not thread-safe.
        var results = new FetchResult[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelFetches, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await FetchSafelyAsync(sources[i], ct));

        var outcomes = new List<SourceOutcome>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            outcomes.Add(await StoreAsync(sources[i], results[i], cancellationToken));
        }

        return outcomes;
    }

    private async Task<FetchResult> FetchSafelyAsync(Source source, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.FetchAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Fetching {Source} failed unexpectedly", source.Name);
            return FetchResult.Failure($"unexpected error: {ex.Message}");
        }
    }

    private async Task<SourceOutcome> StoreAsync(Source source, FetchResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case FetchStatus.NotModified:
                source.RecordNotModified(now);
                await db.SaveChangesAsync(cancellationToken);
                return new SourceOutcome(source.Id, source.Name, true, 0, 0, true, null);
            case FetchStatus.Failed:
                source.RecordFailure(now, result.Error ?? "failed", result.RetryAfter);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Source {Source} failed: {Error}", source.Name, result.Error);
                return new SourceOutcome(source.Id, source.Name, false, 0, 0, false, result.Error);
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
        catch (DbUpdateException)
        {
            // Another ingest stored some of the same items a moment ago; read them back and update them instead.
            db.ChangeTracker.Clear();
            source = await db.Sources.SingleAsync(s => s.Id == source.Id, cancellationToken);
            return await UpsertAsync(source, result, byUrl, now, cancellationToken);
        }
    }

    private async Task<SourceOutcome> UpsertAsync(Source source, FetchResult result, Dictionary<string, FetchedItem> byUrl, DateTime now, CancellationToken cancellationToken)
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
        return new SourceOutcome(source.Id, source.Name, true, byUrl.Count, added, false, null);
    }
}
