namespace Digest.Infrastructure.Newsletter.Sending;

/// <summary>How one run of a mailing ended.</summary>
public enum MailingRun
{
    /// <summary>Every delivery has ended.</summary>
    Finished,
    /// <summary>Some deliveries wait for a retry time, or the server could not be used: the mailing's RetryAt says when.</summary>
    Waiting,
    /// <summary>The post was unpublished; what was left is stopped.</summary>
    Stopped,
    /// <summary>Another worker holds the mailing (or took it over).</summary>
    Busy,
    /// <summary>Nothing to do: already finished, skipped or stopped.</summary>
    NothingToDo,
    /// <summary>The process is shutting down; the run stopped between two messages.</summary>
    Cancelled,
}
