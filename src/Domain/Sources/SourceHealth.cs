using System.Globalization;

namespace Digest.Domain.Sources;

public enum SourceState
{
    NeverFetched,
    Healthy,
    /// <summary>The last fetch failed and the back-off has run out: the next ingest tries again.</summary>
    Failing,
    /// <summary>The last fetch failed and the source waits until <see cref="SourceHealth.RetryAfter"/>.</summary>
    BackingOff,
    Disabled,
}

/// <summary>How a source is doing, as the dashboard and <c>sources list</c> show it.</summary>
public sealed record SourceHealth(SourceState State, DateTime? LastFetchedAt, DateTime? LastSucceededAt, string? LastError, int ConsecutiveFailures, DateTime? RetryAfter)
{
    public bool IsProblem => State is SourceState.Failing or SourceState.BackingOff;

    /// <summary>One line, e.g. "backing off until 2026-11-26 07:15 UTC after 3 failures in a row".</summary>
    public string Describe() => State switch
    {
        SourceState.Disabled => "disabled",
        SourceState.NeverFetched => "never fetched",
        SourceState.Healthy => "ok",
        SourceState.BackingOff => string.Create(CultureInfo.InvariantCulture, $"backing off until {RetryAfter:yyyy-MM-dd HH:mm} UTC after {Failures}"),
        _ => $"failing ({Failures}); tried again at the next ingest",
    };

    private string Failures => ConsecutiveFailures == 1 ? "1 failure" : $"{ConsecutiveFailures} failures in a row";
}
