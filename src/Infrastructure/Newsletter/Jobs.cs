using Digest.Infrastructure.Newsletter.Sending;
using Digest.Infrastructure.Newsletter.Subscribing;
using Hangfire;

namespace Digest.Infrastructure.Newsletter;

/// <summary>
/// One Hangfire job per mailing, on a queue of its own with one worker, so a long send never holds up the daily
/// generation or publishing, and one process sends one mailing at a time at the configured rate. No Hangfire retries:
/// the mailing's own state in the database says what is left, and the dispatcher queues it again when it is due.
/// </summary>
public sealed class SendMailingJob(MailingSender sender)
{
    public const string Queue = "newsletter";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Newsletter: send {1}")]
    public async Task RunAsync(Guid mailingId, string label, CancellationToken cancellationToken) =>
        await sender.RunAsync(mailingId, cancellationToken);
}

/// <summary>A confirmation email; on the default queue so a long mailing never keeps a new reader waiting.</summary>
public sealed class SendConfirmationJob(ConfirmationSender sender)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Newsletter: confirmation email")]
    public async Task RunAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        await sender.SendAsync(subscriberId, cancellationToken);
}
