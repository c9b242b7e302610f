using Digest.Infrastructure.Generation;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Jobs;

/// <summary>
/// On the job server, at start-up and then every <see cref="GenerationOptions.RecoveryInterval"/>: fails the runs
/// whose process died (<see cref="RunRecovery"/>), closes the Hangfire job each was running in (it would otherwise
/// stay "Processing"), and enqueues the one automatic retry of the day's generation when recovery asks for it.
/// </summary>
public sealed class RunRecoveryService(IServiceScopeFactory scopes, IBackgroundJobClient jobs, GenerationOptions options, TimeProvider clock, ILogger<RunRecoveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RecoveryInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for runs whose process died failed; trying again in {Interval}", options.RecoveryInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var recovered = await scope.ServiceProvider.GetRequiredService<RunRecovery>().SweepAsync(cancellationToken);
        foreach (var run in recovered)
        {
            logger.LogWarning("Run {Run} for {Edition} was failed: {Message}", run.RunId, run.Edition, run.Message);
            if (run.JobId is { } jobId)
            {
                jobs.ChangeState(jobId, new DeletedState { Reason = "Its worker died; the run was failed by recovery." }, ProcessingState.StateName);
            }

            if (run.Retry)
            {
                var trigger = $"{RunRecovery.RecoveryTrigger} after run {run.RunId.ToString()[..8]} died";
                jobs.Enqueue<GenerateDailyDigestJob>(job => job.RunAsync(trigger, CancellationToken.None));
            }
        }
    }
}
