using Digest.Domain.Sources;

namespace Digest.Infrastructure.Sources;

/// <summary>Reads a source now without storing anything: "what would be read", for <c>sources test</c> and the dashboard.</summary>
public sealed class SourcePreviewer(ISourceFetcher fetcher)
{
    /// <param name="kind">How to read it; null detects it from the address, then from the content.</param>
    public async Task<SourcePreview> PreviewAsync(Uri url, SourceKind? kind, CancellationToken cancellationToken)
    {
        var used = kind ?? SourceKindDetector.Detect(url);
        // A throwaway source without validators, so the server sends the whole document rather than a 304.
        var probe = new Source("preview", url, used);
        return new SourcePreview(probe.Address, used, await fetcher.FetchAsync(probe, cancellationToken));
    }
}

/// <summary>What a fetch read, item by item as it would be stored (canonical URL, duplicates in the document dropped).</summary>
public sealed record SourcePreview(Uri Url, SourceKind RequestedKind, FetchResult Result)
{
    public IReadOnlyList<PreviewItem> Items { get; } = [.. Result.Items
        .Select(i => new PreviewItem(i.Title, UrlCanonicalizer.Canonicalize(i.Url), i.Score, i.Comments, i.PublishedAt, i.Flair))
        .DistinctBy(i => i.CanonicalUrl, StringComparer.Ordinal)];

    /// <summary>The kind to keep for the source: what was asked for, unless "Feed" (find out) found something more precise.</summary>
    public SourceKind Kind => RequestedKind == SourceKind.Feed && Result.DetectedKind is { } found ? found : RequestedKind;
}

public sealed record PreviewItem(string Title, string CanonicalUrl, int? Score, int? Comments, DateTime? PublishedAt, string? Flair);
