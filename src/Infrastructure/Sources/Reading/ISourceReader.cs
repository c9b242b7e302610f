using Digest.Domain.Sources;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>Turns one kind of source document into items. Throws <see cref="SourceFormatException"/> with a
/// one-line reason when the document is not what it should be.</summary>
public interface ISourceReader
{
    /// <summary>What the reader wants in the Accept header.</summary>
    string Accept { get; }

    /// <summary>The address to request for a source address (a subreddit page becomes its listing JSON, …).</summary>
    Uri RequestUrl(Uri sourceUrl);

    IReadOnlyList<FetchedItem> Read(FetchedDocument document);
}
