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

    public ValueTask<Guid> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var last = _last;
        return last is not null && clock.GetUtcNow() - last.At < CheckInterval
            ? ValueTask.FromResult(last.Value)
            : new ValueTask<Guid>(ReadAsync(cancellationToken));
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

    private async Task<Guid> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_reading.Wait(0, CancellationToken.None))
        {
            if (_last is { } meanwhile)
            {
                return meanwhile.Value;
            }

            await _reading.WaitAsync(cancellationToken);
        }

        try
        {
            var before = _last;
            if (before is not null && clock.GetUtcNow() - before.At < CheckInterval)
            {
                return before.Value;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
                var value = await db.Set<SiteStamp>().AsNoTracking().Where(s => s.Id == SiteStamp.RowId).Select(s => s.Value).SingleAsync(cancellationToken);
                _last = new Reading(value, clock.GetUtcNow());
                if (before is not null && before.Value != value)
                {
                    Moved?.Invoke(value);
                }

                return value;
            }
            catch (Exception ex) when (before is not null && ex is not OperationCanceledException)
            {
                // The database is unreachable for a moment: keep serving what is cached, and ask again in a second.
                LogReadFailed(ex);
                _last = before with { At = clock.GetUtcNow() };
                return before.Value;
            }
        }
        finally
        {
            _reading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the site's change stamp; cached pages are served as they are until it can be read")]
    private partial void LogReadFailed(Exception exception);

    private sealed record Reading(Guid Value, DateTimeOffset At);
}
