using Digest.Domain.Generation;

namespace Digest.Infrastructure.Sources.Discussions;

/// <summary>
/// Reads the top comments of a story's discussion (a Reddit thread or a Hacker News item). Never throws for a bad
/// or unreachable discussion: the reading says why in one line, and the story is written from its own text.
/// </summary>
public interface IDiscussionReader
{
    /// <param name="discussionUrl">The discussion's public address (a Reddit permalink, news.ycombinator.com/item?id=…).</param>
    /// <param name="sourceName">Where it was discussed, as the editor knows the source ("r/MachineLearning").</param>
    Task<DiscussionReading> ReadAsync(string discussionUrl, string sourceName, CancellationToken cancellationToken);
}

/// <summary>What reading one discussion gave: its comments (perhaps none), nothing when the address is no discussion we read, or an error.</summary>
public sealed record DiscussionReading(DiscussionThread? Thread, string? Error = null)
{
    public static readonly DiscussionReading NotADiscussion = new(Thread: null);

    public static DiscussionReading Failed(string discussionUrl, string error) => new(null, $"{discussionUrl}: {error}");
}

/// <summary>Which addresses are discussions Digest can read.</summary>
public static class Discussions
{
    public static bool IsReadable(string? discussionUrl) =>
        Reddit.RedditCommentsReader.ThreadPath(discussionUrl) is not null || HackerNews.HackerNewsItemReader.ItemId(discussionUrl) is not null;
}
