using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Freshness;

/// <summary>
/// This process's view of the <see cref="SiteStamp"/>: read from the database at most once per <see cref="CheckInterval"/>,
/// on demand (an idle instance reads nothing). Whatever this process keeps for readers — cached pages and feeds, the
/// site settings — is kept under the stamp it was made at, so a change any process saves is served everywhere within
/// about a second. One read at a time; requests arriving while it runs use the last value.
/// </summary>
public sealed partial class SiteStampReader(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SiteStampReader> logger) : IDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Reading? _last;

    /// <summary>Raised after a read finds a value other than the one before (not on the first read).</summary>
    public event Action<Guid>? Moved;

    public async ValueTask<Guid> CurrentAsync(CancellationToken cancellationToken = default) => (await CurrentReadingAsync(cancellationToken)).Value;

    /// <summary>The current stamp as text, for cache keys (formatted once per read, not per request).</summary>
    public async ValueTask<string> CurrentKeyAsync(CancellationToken cancellationToken = default) => (await CurrentReadingAsync(cancellationToken)).Key;

    private ValueTask<Reading> CurrentReadingAsync(CancellationToken cancellationToken)
    {
        var last = _last;
        return last is not null && clock.GetUtcNow() - last.At < CheckInterval
            ? ValueTask.FromResult(last)
            : new ValueTask<Reading>(ReadAsync(cancellationToken));
    }

    /// <summary>Makes the next <see cref="CurrentAsync"/> read the database: this process has just changed something.</summary>
    public void Expire()
    {
        if (_last is { } last)
        {
            _last = last with { At = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => _reading.Dispose();

    private async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_reading.Wait(0, CancellationToken.None))
        {
            if (_last is { } meanwhile)
            {
                return meanwhile;
            }

            await _reading.WaitAsync(cancellationToken);
        }

        try
        {
            var before = _last;
            if (before is not null && clock.GetUtcNow() - before.At < CheckInterval)
            {
                return before;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
                var value = await db.Set<SiteStamp>().AsNoTracking().Where(s => s.Id == SiteStamp.RowId).Select(s => s.Value).SingleAsync(cancellationToken);
                var reading = before?.Value == value ? before with { At = clock.GetUtcNow() } : new Reading(value, value.ToString("N"), clock.GetUtcNow());
                _last = reading;
                if (before is not null && before.Value != value)
                {
                    Moved?.Invoke(value);
                }

                return reading;
            }
            catch (Exception ex) when (before is not null && ex is not OperationCanceledException)
            {
                // The database is unreachable for a moment: keep serving what is cached, and ask again in a second.
                LogReadFailed(ex);
                _last = before with { At = clock.GetUtcNow() };
                return _last;
            }
        }
        finally
        {
            _reading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the site's change stamp; cached pages are served as they are until it can be read")]
    private partial void LogReadFailed(Exception exception);

    private sealed record Reading(Guid Value, string Key, DateTimeOffset At);
}
