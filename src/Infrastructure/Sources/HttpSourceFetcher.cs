using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Feeds;
using Digest.Infrastructure.Sources.Http;
using Digest.Infrastructure.Sources.Reading;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Sources;

/// <summary>Reads a source over HTTP with a conditional GET and hands the body to the reader for its kind.</summary>
internal sealed class HttpSourceFetcher(SourceDownloader downloader, SourceReaders readers, ILogger<HttpSourceFetcher> logger) : ISourceFetcher
{
    public async Task<FetchResult> FetchAsync(Source source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = readers.For(source.Kind);
        var url = reader.RequestUrl(source.Address);
        var download = await downloader.GetAsync(url, reader.Accept, source.ETag, source.LastModified, cancellationToken);
        if (download.NotModified)
        {
            return FetchResult.Unchanged();
        }

        if (download.Document is not { } document)
        {
            return FetchResult.Failure(download.Error ?? "fetch failed", download.RetryAfter);
        }

        return Parse(source, reader, document, download.ETag, download.LastModified);
    }

    private FetchResult Parse(Source source, ISourceReader reader, FetchedDocument document, string? etag, string? lastModified)
    {
        try
        {
            if (DocumentSniffer.Sniff(document.Body, document.MediaType) == DocumentShape.Html)
            {
                throw NotAFeed.Html(document);
            }

            if (reader is FeedReader)
            {
                // "Feed" means "find out": a Reddit listing, an HN search or an arXiv API answer at an address that
                // did not say so is read by its own reader, and the kind found is reported for the operator to keep.
                if (source.Kind == SourceKind.Feed && SourceKindDetector.FromContent(document.Body, document.MediaType) is { } found
                    && found is SourceKind.Reddit or SourceKind.HackerNews or SourceKind.Arxiv)
                {
                    return FetchResult.Success(readers.For(found).Read(document), etag, lastModified, found);
                }

                var feedItems = FeedReader.Read(document, out var format);
                return FetchResult.Success(feedItems, etag, lastModified, format);
            }

            return FetchResult.Success(reader.Read(document), etag, lastModified, source.Kind);
        }
        catch (SourceFormatException ex)
        {
            return FetchResult.Failure(ex.Message);
        }
#pragma warning disable CA1031 // A reader bug on one odd document must fail that source, not the ingest run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Reading {Source} ({Url}) failed unexpectedly", source.Name, document.Url);
            return FetchResult.Failure($"could not read the document: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
