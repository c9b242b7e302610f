using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>
/// Retries and per-host limits for source requests, one pipeline per host (so a failing host never trips
/// another). Transient failures are retried twice; a 429/503 is retried only when its Retry-After is short —
/// a longer wait is reported back so the source backs off instead of holding a job open.
/// </summary>
internal static class SourceResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceFetchingOptions options)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options)),
        });

        // Inside the retry, so a request waiting out a Retry-After does not hold a slot.
        pipeline.AddConcurrencyLimiter(options.MaxConcurrentRequestsPerHost, queueLimit: 256);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, SourceFetchingOptions options)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException && !IsRefusal(exception);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                RetryAfter.From(response, TimeProvider.System) is { } wait ? wait <= options.MaxInlineRetryAfter : response.StatusCode == HttpStatusCode.ServiceUnavailable,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => true,
            _ => false,
        };
    }

    internal static bool IsRefusal(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PrivateAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
