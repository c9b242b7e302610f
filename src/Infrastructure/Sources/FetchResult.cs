using Digest.Domain.Sources;

namespace Digest.Infrastructure.Sources;

/// <summary>
/// What one fetch of a source gave: items with the validators to remember for the next conditional request,
/// "not modified" (HTTP 304), or a one-line error for the editor, with how long the server asked us to wait.
/// </summary>
public sealed record FetchResult(
    FetchStatus Status,
    IReadOnlyList<FetchedItem> Items,
    string? ETag = null,
    string? LastModified = null,
    string? Error = null,
    TimeSpan? RetryAfter = null,
    SourceKind? DetectedKind = null)
{
    public bool Succeeded => Status == FetchStatus.Succeeded;

    public bool NotModified => Status == FetchStatus.NotModified;

    public bool Failed => Status == FetchStatus.Failed;

    public static FetchResult Success(IReadOnlyList<FetchedItem> items, string? etag = null, string? lastModified = null, SourceKind? detectedKind = null) =>
        new(FetchStatus.Succeeded, items, etag, lastModified, DetectedKind: detectedKind);

    public static FetchResult Unchanged() => new(FetchStatus.NotModified, []);

    public static FetchResult Failure(string error, TimeSpan? retryAfter = null) =>
        new(FetchStatus.Failed, [], Error: error, RetryAfter: retryAfter);
}
