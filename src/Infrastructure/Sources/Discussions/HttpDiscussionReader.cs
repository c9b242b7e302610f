using Digest.Domain.Generation;
using Digest.Infrastructure.Sources.HackerNews;
using Digest.Infrastructure.Sources.Http;
using Digest.Infrastructure.Sources.Reading;
using Digest.Infrastructure.Sources.Reddit;

namespace Digest.Infrastructure.Sources.Discussions;

/// <summary>
/// Reads discussions over HTTP through the sources' downloader, so comments get the same limits as feeds: body size,
/// timeout, per-host concurrency and retries, and no private addresses unless allowed. A Reddit thread is one
/// request; a Hacker News story is one request for the story and one per top-level comment kept.
/// </summary>
internal sealed class HttpDiscussionReader(SourceDownloader downloader, CommentOptions options) : IDiscussionReader
{
    public async Task<DiscussionReading> ReadAsync(string discussionUrl, string sourceName, CancellationToken cancellationToken)
    {
        if (!options.Enabled || options.MaxComments == 0)
        {
            return DiscussionReading.NotADiscussion;
        }

        if (RedditCommentsReader.RequestUrl(discussionUrl, options.RedditBase, options.MaxComments) is { } reddit)
        {
            return await ReadRedditAsync(discussionUrl, sourceName, reddit, cancellationToken);
        }

        if (HackerNewsItemReader.ItemId(discussionUrl) is { } storyId)
        {
            return await ReadHackerNewsAsync(discussionUrl, sourceName, storyId, cancellationToken);
        }

        return DiscussionReading.NotADiscussion;
    }

    private async Task<DiscussionReading> ReadRedditAsync(string discussionUrl, string sourceName, Uri request, CancellationToken cancellationToken)
    {
        var download = await downloader.GetAsync(request, RedditCommentsReader.Accept, null, null, cancellationToken);
        if (download.Document is not { } document)
        {
            return DiscussionReading.Failed(discussionUrl, download.Error ?? "no answer");
        }

        try
        {
            return new DiscussionReading(new DiscussionThread(discussionUrl, sourceName, RedditCommentsReader.Read(document, options)));
        }
        catch (SourceFormatException ex)
        {
            return DiscussionReading.Failed(discussionUrl, ex.Message);
        }
    }

    private async Task<DiscussionReading> ReadHackerNewsAsync(string discussionUrl, string sourceName, long storyId, CancellationToken cancellationToken)
    {
        var story = await ItemAsync(storyId, cancellationToken);
        if (story.Item is not { } item)
        {
            return DiscussionReading.Failed(discussionUrl, story.Error!);
        }

        // Kids come in Hacker News's ranking order; a few more than needed, as some are deleted or dead.
        var wanted = item.Kids.Take(options.MaxComments + 4).ToList();
        var kids = await Task.WhenAll(wanted.Select(id => ItemAsync(id, cancellationToken)));
        var comments = kids
            .Select(k => k.Item)
            .OfType<HackerNewsItem>()
            .Where(k => k.IsReadableComment)
            .Select(k => new DiscussionComment(
                PlainText.Author(k.By) ?? "?",
                null,
                CommentText.Clip(k.Text, options.MaxCommentLength),
                HackerNewsItemReader.PageUrl(k.Id),
                k.Time))
            .ToList();
        var failed = kids.Count(k => k.Item is null);
        var thread = new DiscussionThread(discussionUrl, sourceName, CommentText.WithinBudget(comments, c => c.Text, options));
        // Some comments failing is worth saying only when none could be read.
        return comments.Count == 0 && failed > 0
            ? new DiscussionReading(thread, $"{discussionUrl}: {failed} of {wanted.Count} comments could not be read ({kids.First(k => k.Error is not null).Error})")
            : new DiscussionReading(thread);
    }

    private async Task<(HackerNewsItem? Item, string? Error)> ItemAsync(long id, CancellationToken cancellationToken)
    {
        var download = await downloader.GetAsync(HackerNewsItemReader.ItemUrl(options.HackerNewsApi, id), HackerNewsItemReader.Accept, null, null, cancellationToken);
        if (download.Document is not { } document)
        {
            return (null, download.Error ?? "no answer");
        }

        try
        {
            return (HackerNewsItemReader.Read(document), null);
        }
        catch (SourceFormatException ex)
        {
            return (null, ex.Message);
        }
    }
}
