namespace Digest.Domain.Sources;

/// <summary>One story as a source published it. Fetched again, it is updated (score, comments), never duplicated.</summary>
public sealed class SourceItem
{
    private SourceItem() { }

    public SourceItem(Guid sourceId, FetchedItem fetched, string canonicalUrl, DateTime now)
    {
        Id = IdFor(sourceId, canonicalUrl);
        SourceId = sourceId;
        CanonicalUrl = canonicalUrl;
        FirstSeenAt = now;
        Refresh(fetched, now);
    }

    /// <summary>
    /// The id follows from the source and the canonical URL. Two ingests storing the same items at once then insert
    /// rows in the same key order, so one waits for the other (and updates instead) rather than both deadlocking.
    /// </summary>
    public static Guid IdFor(Guid sourceId, string canonicalUrl)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{sourceId:N}\n{canonicalUrl}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public Guid Id { get; private set; }
    public Guid SourceId { get; private set; }
    public string? ExternalId { get; private set; }
    public string Title { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string CanonicalUrl { get; private set; } = "";
    public string? Excerpt { get; private set; }
    public string? Author { get; private set; }
    public int? Score { get; private set; }
    public int? Comments { get; private set; }
    public string? DiscussionUrl { get; private set; }
    /// <summary>The source's own label for the item, e.g. Reddit's link flair "Research".</summary>
    public string? Flair { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }

    public void Refresh(FetchedItem fetched, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ExternalId = fetched.ExternalId;
        Title = fetched.Title;
        Url = fetched.Url;
        Excerpt = fetched.Excerpt;
        Author = fetched.Author;
        // A source that stops publishing a count (a feed without points) keeps the last one it gave.
        Score = fetched.Score ?? Score;
        Comments = fetched.Comments ?? Comments;
        DiscussionUrl = fetched.DiscussionUrl ?? DiscussionUrl;
        Flair = fetched.Flair;
        PublishedAt = fetched.PublishedAt ?? PublishedAt;
        LastSeenAt = now;
    }
}

/// <summary>An item as a reader parsed it, before it is stored. All text is plain text (markup removed), untrusted.</summary>
public sealed record FetchedItem(
    string Title,
    string Url,
    string? Excerpt = null,
    DateTime? PublishedAt = null,
    string? Author = null,
    int? Score = null,
    int? Comments = null,
    string? ExternalId = null,
    string? DiscussionUrl = null,
    string? Flair = null);
