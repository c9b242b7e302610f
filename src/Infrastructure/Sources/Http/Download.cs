using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>What one conditional GET gave: a document, "not modified", or a one-line error.</summary>
internal sealed record Download(FetchedDocument? Document, bool NotModified, string? ETag, string? LastModified, string? Error, TimeSpan? RetryAfter)
{
    public static Download Ok(FetchedDocument document, string? etag, string? lastModified) => new(document, false, etag, lastModified, null, null);

    public static Download Unchanged() => new(null, true, null, null, null, null);

    public static Download Failed(string error, TimeSpan? retryAfter = null) => new(null, false, null, null, error, retryAfter);
}
