using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Arxiv;
using Digest.Infrastructure.Sources.Feeds;
using Digest.Infrastructure.Sources.HackerNews;
using Digest.Infrastructure.Sources.Reddit;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>The reader for each kind of source. RSS, Atom and JSON Feed share one reader that looks at the content.</summary>
public sealed class SourceReaders
{
    private readonly FeedReader _feed = new();
    private readonly RedditListingReader _reddit = new();
    private readonly HackerNewsReader _hackerNews = new();
    private readonly ArxivReader _arxiv = new();

    public ISourceReader For(SourceKind kind) => kind switch
    {
        SourceKind.Reddit => _reddit,
        SourceKind.HackerNews => _hackerNews,
        SourceKind.Arxiv => _arxiv,
        _ => _feed,
    };
}
