using System.Globalization;
using System.Text;
using System.Text.Json;
using Digest.Domain.Generation;
using Digest.Infrastructure.Sources.Discussions;
using Digest.Infrastructure.Sources.HackerNews;
using Digest.Infrastructure.Sources.Reading;
using Digest.Infrastructure.Sources.Reddit;

namespace Digest.Infrastructure.Sources.Demo;

/// <summary>
/// Demo mode: the discussions of a few sample stories come from sample documents inside the app, read by the same
/// readers as real ones; the other sample stories have no comments. Never touches the network.
/// </summary>
internal sealed class DemoDiscussionReader(CommentOptions options, TimeProvider time) : IDiscussionReader
{
    private static readonly DemoSample HackerNewsItems = new("hackernews-items.json", "application/json");

    public Task<DiscussionReading> ReadAsync(string discussionUrl, string sourceName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!options.Enabled)
        {
            return Task.FromResult(DiscussionReading.NotADiscussion);
        }

        try
        {
            return Task.FromResult(Read(discussionUrl, sourceName));
        }
        catch (SourceFormatException ex)
        {
            return Task.FromResult(DiscussionReading.Failed(discussionUrl, $"demo sample is broken: {ex.Message}"));
        }
    }

    private DiscussionReading Read(string discussionUrl, string sourceName)
    {
        if (RedditCommentsReader.ThreadPath(discussionUrl) is { } path)
        {
            var id = path.TrimEnd('/').Split('/')[^1];
            var sample = new DemoSample($"reddit-comments-{id}.json", "application/json");
            var comments = DemoSamples.Exists(sample.ResourceName)
                ? RedditCommentsReader.Read(Document(discussionUrl, DemoSamples.Render(sample, time.GetUtcNow())), options)
                : [];
            return new DiscussionReading(new DiscussionThread(discussionUrl, sourceName, comments));
        }

        if (HackerNewsItemReader.ItemId(discussionUrl) is { } storyId)
        {
            using var items = JsonDocument.Parse(DemoSamples.Render(HackerNewsItems, time.GetUtcNow()));
            HackerNewsItem? ItemOf(long id) => items.RootElement.TryGetProperty(id.ToString(CultureInfo.InvariantCulture), out var item)
                ? HackerNewsItemReader.Read(Document(discussionUrl, Encoding.UTF8.GetBytes(item.GetRawText())))
                : null;
            var kids = ItemOf(storyId)?.Kids ?? [];
            var comments = kids.Select(ItemOf).OfType<HackerNewsItem>().Where(k => k.IsReadableComment)
                .Select(k => new DiscussionComment(k.By!, null, CommentText.Clip(k.Text, options.MaxCommentLength), HackerNewsItemReader.PageUrl(k.Id), k.Time));
            return new DiscussionReading(new DiscussionThread(discussionUrl, sourceName, CommentText.WithinBudget(comments, c => c.Text, options)));
        }

        return DiscussionReading.NotADiscussion;
    }

    private static FetchedDocument Document(string url, byte[] body) => new(new Uri(url), body, "application/json", "utf-8");
}
