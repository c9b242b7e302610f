using StackExchange.Redis;

namespace Digest.Web.Caching;

/// <summary>
/// One connection to Redis (<c>ConnectionStrings:Redis</c>) for the whole process, made when first needed. It never
/// fails the start: while Redis is away the connection keeps retrying in the background and the site renders pages
/// without the shared cache.
/// </summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>
    /// Whether Redis can be used right now (connecting on first call). Callers skip Redis while this is false instead of
    /// waiting for a command to time out: with Redis down, a page must not take the client's five-second timeout.
    /// </summary>
    public bool IsConnected
    {
        get
        {
            var connecting = _connection.Value;
            return connecting.IsCompletedSuccessfully && connecting.Result.IsConnected;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= $"digest-{Environment.MachineName}";
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
