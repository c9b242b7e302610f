namespace Digest.Infrastructure.Freshness;

/// <summary>
/// The one row that says when what readers see last changed. Every save of a change a reader could see gives it a new
/// value, in the same transaction as the change (<see cref="SiteStampInterceptor"/>), whichever process saves: the
/// site, a command-line verb, the job server of any instance. Each instance compares it with the value its cached pages
/// were made under (<see cref="SiteStampReader"/>). A new random value rather than a counter: two processes saving at
/// once can never write the same value, so no change goes unnoticed, and it needs no read before the write.
/// </summary>
public sealed class SiteStamp
{
    public const int RowId = 1;

    private SiteStamp() { }

    public int Id { get; private set; } = RowId;

    public Guid Value { get; private set; }

    public DateTime ChangedAt { get; private set; }

    /// <summary>A stand-in for the row, to update it without reading it first.</summary>
    internal static SiteStamp Row() => new();
}
