using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Newsletter.Dispatching;

/// <summary>
/// Runs on the job server: looks for newsletter work every <see cref="NewsletterOptions.PollInterval"/>, and at once when
/// this process has just published a post or taken a subscription. Polling the database is what lets a post published by
/// a verb in another process (with Hangfire's storage in that process's memory) still be emailed.
/// </summary>
public sealed class NewsletterDispatcher(IServiceScopeFactory scopes, NewsletterSignal signal, NewsletterOptions options, ILogger<NewsletterDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = signal.Next;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NewsletterDispatch>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Looking for newsletter work failed; trying again in {Interval}", options.PollInterval);
            }

            try
            {
                await woken.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (TimeoutException)
            {
                // Time for the next look.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
