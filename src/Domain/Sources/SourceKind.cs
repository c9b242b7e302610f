namespace Digest.Domain.Sources;

/// <summary>How a source is read. <see cref="Feed"/> detects RSS, Atom, RDF or JSON Feed from the content.</summary>
public enum SourceKind
{
    Feed,
    Rss,
    Atom,
    JsonFeed,
    Reddit,
    HackerNews,
    Arxiv,
}
