namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>
/// The HTML a feed carries for an entry: the stored body with every link made absolute against the post's
/// own URL (feed readers have no base; "#fn:1" must point into the post), then the disclosure. All of it goes
/// through the sanitiser on the way out: no markup reaches a feed any other way.
/// </summary>
public sealed class FeedContent(ContentSanitizer sanitizer)
{
    public string Html(FeedEntry entry, Uri postUrl)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(postUrl);
        // Sanitising again is how relative URLs get resolved, and it means a feed never trusts stored HTML blindly.
        return sanitizer.SanitizeForFeed(entry.ContentHtml + "\n" + Disclosure.Html(entry.WrittenBy, entry.ReviewedBy, entry.ReviewedAt), postUrl.AbsoluteUri);
    }
}
