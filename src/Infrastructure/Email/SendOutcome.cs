namespace Digest.Infrastructure.Email;

/// <summary>What became of one message, in the terms a sender acts on.</summary>
public enum SendResult
{
    Sent,
    /// <summary>A 4xx for this recipient or this message (mailbox busy, greylisted): try this one again later.</summary>
    Deferred,
    /// <summary>A 5xx for this recipient (no such user): it will not work later either.</summary>
    RecipientRejected,
    /// <summary>A 5xx for this message's content or size.</summary>
    MessageRejected,
    /// <summary>The connection broke (dropped, timed out, garbled): nothing is known to have been accepted.</summary>
    ConnectionLost,
    /// <summary>The server will not take mail now (421, or a 4xx to the sender): wait before trying anyone.</summary>
    ServerBusy,
    /// <summary>The server will not take mail from us at all (5xx to the sender, sign-in refused, no TLS): settings to fix.</summary>
    ServerRefused,
}

/// <summary>The result and the server's own words (code and text), for the delivery record.</summary>
public sealed record SendOutcome(SendResult Result, string? Reason = null)
{
    public static readonly SendOutcome Success = new(SendResult.Sent);

    public bool IsServerProblem => Result is SendResult.ConnectionLost or SendResult.ServerBusy or SendResult.ServerRefused;
}

/// <summary>The SMTP server could not be reached or used; <see cref="Outcome"/> says how.</summary>
public sealed class SmtpUnavailableException(SendOutcome outcome, Exception? inner = null)
    : Exception(outcome.Reason ?? outcome.Result.ToString(), inner)
{
    public SendOutcome Outcome { get; } = outcome;
}
