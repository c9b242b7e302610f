using System.Buffers;
using System.IO.Pipelines;
using Digest.Infrastructure.Telemetry;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>
/// Wraps the output cache's store (memory, or Redis when configured): counts hits and misses for the metrics, and
/// keeps a store that fails (Redis unreachable) from failing the page — a failed read is a miss, a failed write is
/// skipped, a failed eviction is logged (and made good when the connection comes back, see <see cref="RedisCacheResync"/>).
/// While <paramref name="available"/> says the store is unreachable it is not asked at all (a miss, no write), so a
/// page never waits for a command to time out.
/// </summary>
internal sealed class GuardedOutputCacheStore(IOutputCacheStore inner, ILogger<GuardedOutputCacheStore> logger, Func<bool>? available = null) : IOutputCacheBufferStore
{
    private static readonly KeyValuePair<string, object?> Hit = new("digest.result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("digest.result", "miss");
    private long _lastWarning;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsAvailable("read"))
        {
            return null;
        }

        try
        {
            var value = await inner.GetAsync(key, cancellationToken);
            DigestTelemetry.OutputCacheLookups.Add(1, value is null ? Miss : Hit);
            return value;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Warn(ex, "read");
            DigestTelemetry.OutputCacheLookups.Add(1, Miss);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            var bytes = await GetAsync(key, cancellationToken);
            if (bytes is null)
            {
                return false;
            }

            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }

        if (!IsAvailable("read"))
        {
            return false;
        }

        try
        {
            var found = await buffered.TryGetAsync(key, destination, cancellationToken);
            DigestTelemetry.OutputCacheLookups.Add(1, found ? Hit : Miss);
            return found;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Warn(ex, "read");
            DigestTelemetry.OutputCacheLookups.Add(1, Miss);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!Reachable)
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Warn(ex, "write");
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            return;
        }

        if (!Reachable)
        {
            return;
        }

        try
        {
            await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Warn(ex, "write");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!Reachable)
        {
            logger.LogError("Could not evict \"{Tag}\" from the output cache store, which is unreachable; it is evicted again when the store is back", tag);
            return;
        }

        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.LogError(ex, "Could not evict \"{Tag}\" from the output cache store; it is evicted again when the store is back", tag);
        }
    }

    private bool Reachable => available?.Invoke() != false;

    /// <summary>False (and the lookup counted as a miss, with a warning now and then) while the store is unreachable.</summary>
    private bool IsAvailable(string what)
    {
        if (Reachable)
        {
            return true;
        }

        Warn(null, what);
        DigestTelemetry.OutputCacheLookups.Add(1, Miss);
        return false;
    }

    private static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    // Under load every request would fail the same way: one warning a minute is enough.
    private void Warn(Exception? ex, string what)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            logger.LogWarning(ex, "The output cache store failed to {What}; pages are rendered without it until it is back", what);
        }
    }
}
