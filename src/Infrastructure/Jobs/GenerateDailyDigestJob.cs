using Digest.Infrastructure.Generation;
using Hangfire;

namespace Digest.Infrastructure.Jobs;

/// <summary>The daily generation, as a Hangfire job. Retrying it is safe: an edition gets one draft at most.</summary>
public sealed class GenerateDailyDigestJob(DraftGenerator generator)
{
    public const string RecurringJobId = "generate-daily-digest";

    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Generate the daily digest ({0})")]
    public async Task RunAsync(string trigger, CancellationToken cancellationToken)
    {
        var result = await generator.GenerateAsync(edition: null, trigger, cancellationToken);
        if (result.Run.Status == Domain.Generation.RunStatus.Failed)
        {
            // Shown as a failed job in /admin/jobs as well as a failed run on the dashboard.
            throw new GenerationFailedException(result.Describe());
        }
    }
}

public sealed class GenerationFailedException(string message) : Exception(message);
