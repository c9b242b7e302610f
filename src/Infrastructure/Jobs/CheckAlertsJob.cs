using Digest.Infrastructure.Alerts;
using Hangfire;

namespace Digest.Infrastructure.Jobs;

/// <summary>Every minute: raise the alerts whose conditions hold and retry failed deliveries. Each problem is told once, whichever instance runs it.</summary>
public sealed class CheckAlertsJob(AlertMonitor monitor)
{
    public const string RecurringJobId = "check-alerts";

    // No retry: the next check is a minute away.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [JobDisplayName("Check alerts")]
    public Task RunAsync(CancellationToken cancellationToken) => monitor.CheckAsync(cancellationToken);
}
