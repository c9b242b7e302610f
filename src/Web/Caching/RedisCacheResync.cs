using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Digest.Web.Caching;

/// <summary>
/// An eviction sent while Redis was unreachable was lost, and Redis may still hold pages from before the change.
/// Whenever this process's connection to Redis comes back, it evicts the public pages once more.
/// </summary>
internal sealed class RedisCacheResync(RedisConnection redis, IOutputCacheStore store, ILogger<RedisCacheResync> logger) : IHostedService
{
    private IConnectionMultiplexer? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await redis.GetAsync();
        _connection.ConnectionRestored += OnRestored;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            _connection.ConnectionRestored -= OnRestored;
        }

        return Task.CompletedTask;
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Interactive)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            logger.LogInformation("Redis is back; evicting the public pages it may hold from before");
            await store.EvictByTagAsync(OutputCachePublicSiteCache.Tag, CancellationToken.None);
        });
    }
}
