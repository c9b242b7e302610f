using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Digest.Infrastructure.Writing;

/// <summary>
/// The HTTP client both SDKs send through. Retries live here, in one place for both providers: 429, 5xx,
/// 408 and timeouts are retried with exponential backoff, and a Retry-After header sets the wait when present.
/// The SDKs' own retry policies are switched off so a failing call is not retried twice over.
/// </summary>
internal static class ModelHttp
{
    public const string ClientName = "Digest.Llm";

    public static void Add(IServiceCollection services, LlmSettings settings)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's request logging redacts header values in the message but passes them raw in the
            // structured state (at Trace), where a JSON or OpenTelemetry sink would write the key. The writer
            // and Polly log each call and retry instead.
            .RemoveAllLoggers()
            .AddResilienceHandler("model", pipeline =>
            {
                if (settings.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        Delay = settings.RetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(settings.AttemptTimeout);
            });
    }

    /// <summary>The SDK's own deadline must outlast every attempt and wait the resilience handler may take.</summary>
    public static TimeSpan OverallTimeout(LlmSettings settings) =>
        (settings.AttemptTimeout * (settings.MaxRetries + 1)) + TimeSpan.FromMinutes(5);
}
