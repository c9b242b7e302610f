namespace Digest.Infrastructure.Sources.Http;

internal static class RetryAfter
{
    /// <summary>How long the server asked us to wait, from either form of Retry-After (seconds or an HTTP date).</summary>
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
