using Digest.Infrastructure.Editing;
using Hangfire;

namespace Digest.Infrastructure.Jobs;

/// <summary>Publishes scheduled posts whose time has come. The schedule is a column, so a restart loses nothing.</summary>
public sealed class PublishDuePostsJob(PostEditor editor)
{
    public const string RecurringJobId = "publish-due-posts";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => editor.PublishDueAsync(cancellationToken);
}
