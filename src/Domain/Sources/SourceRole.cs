namespace Digest.Domain.Sources;

/// <summary>What a source's items are used for in a post: numbered topics, trending headlines, or either.</summary>
public enum SourceRole
{
    Both,
    Topics,
    Trending,
}
