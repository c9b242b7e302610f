using Digest.Domain.Common;

namespace Digest.Domain.Sources;

/// <summary>A place Digest reads from, with what it remembers between fetches (validators, health, back-off).</summary>
public sealed class Source
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    private Source() { }

    public Source(string name, Uri url, SourceKind kind, SourceRole role = SourceRole.Both, double weight = 1.0)
    {
        Id = Guid.NewGuid();
        Enabled = true;
        Change(name, url, kind, role, weight);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public SourceKind Kind { get; private set; }
    public SourceRole Role { get; private set; }
    public double Weight { get; private set; }
    public bool Enabled { get; private set; }
    public string? ETag { get; private set; }
    public string? LastModified { get; private set; }
    public DateTime? LastFetchedAt { get; private set; }
    public DateTime? LastSucceededAt { get; private set; }
    public string? LastError { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    /// <summary>While set and in the future, the source is backing off and is not fetched.</summary>
    public DateTime? RetryAfter { get; private set; }

    public Uri Address => new(Url);

    public bool IsDue(DateTime now) => Enabled && !IsBackingOff(now);

    public bool IsBackingOff(DateTime now) => RetryAfter > now;

    public SourceHealth Health(DateTime now) => new(
        !Enabled ? SourceState.Disabled
            : IsBackingOff(now) ? SourceState.BackingOff
            : LastError is not null ? SourceState.Failing
            : LastFetchedAt is null ? SourceState.NeverFetched
            : SourceState.Healthy,
        LastFetchedAt,
        LastSucceededAt,
        LastError,
        ConsecutiveFailures,
        RetryAfter);

    /// <summary>Edits what the source is. A new address forgets the old one's validators and failures.</summary>
    public void Change(string name, Uri url, SourceKind kind, SourceRole role, double weight)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException($"A source URL must be an absolute http or https address: {url}");
        }

        CheckWeight(weight);

        var address = url.AbsoluteUri;
        if (Url.Length > 0 && address != Url)
        {
            ETag = null;
            LastModified = null;
            LastError = null;
            ConsecutiveFailures = 0;
            RetryAfter = null;
        }

        Name = string.IsNullOrWhiteSpace(name) ? url.Host : name.Trim();
        Url = address;
        Kind = kind;
        Role = role;
        Weight = weight;
    }

    /// <summary>Refuses a weight outside (0, 10]; callers check it before doing anything costly, such as a fetch.</summary>
    public static void CheckWeight(double weight)
    {
        if (weight is not (> 0 and <= 10) || double.IsNaN(weight))
        {
            throw new DomainException("A source weight must be above 0 and at most 10.");
        }
    }

    public void Enable() => Enabled = true;

    public void Disable() => Enabled = false;

    public void RecordSuccess(DateTime at, string? etag, string? lastModified)
    {
        LastFetchedAt = at;
        LastSucceededAt = at;
        ETag = etag;
        LastModified = lastModified;
        LastError = null;
        ConsecutiveFailures = 0;
        RetryAfter = null;
    }

    public void RecordNotModified(DateTime at) => RecordSuccess(at, ETag, LastModified);

    /// <summary>Records a failed fetch and backs off: 15 minutes doubled per consecutive failure, at most a day,
    /// or longer when the server asked for it.</summary>
    public void RecordFailure(DateTime at, string error, TimeSpan? serverAskedToWait = null)
    {
        LastFetchedAt = at;
        LastError = error;
        ConsecutiveFailures++;
        var backoff = TimeSpan.FromMinutes(15 * Math.Pow(2, Math.Min(ConsecutiveFailures - 1, 10)));
        if (backoff > MaxBackoff)
        {
            backoff = MaxBackoff;
        }

        if (serverAskedToWait > backoff)
        {
            backoff = serverAskedToWait.Value;
        }

        RetryAfter = at + backoff;
    }
}
