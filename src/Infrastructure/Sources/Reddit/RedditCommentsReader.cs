using System.Globalization;
using System.Text.Json;
using Digest.Domain.Generation;
using Digest.Infrastructure.Sources.Discussions;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Reddit;

/// <summary>
/// The top comments of a Reddit thread from its comments JSON (<c>/r/&lt;sub&gt;/comments/&lt;id&gt;/.json</c>): an array
/// of two Listings, the post (t3) and its comments — t1 children with author, body/body_html, score, permalink and
/// created_utc, and "more" stubs. Deleted and removed comments, stickied and moderator comments, and AutoModerator
/// are skipped; a hidden score is no score.
/// </summary>
public static partial class RedditCommentsReader
{
    public const string Accept = "application/json";

    private static readonly Uri RedditBase = new("https://www.reddit.com/");

    /// <summary>
    /// The comments JSON of the thread at <paramref name="discussionUrl"/>, read from <paramref name="apiBase"/>: top
    /// comments first, top level only, a few more than needed so skipped ones still leave enough.
    /// </summary>
    public static Uri? RequestUrl(string discussionUrl, Uri apiBase, int maxComments)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        if (ThreadPath(discussionUrl) is not { } path)
        {
            return null;
        }

        var limit = Math.Clamp(maxComments * 2, 4, 100).ToString(CultureInfo.InvariantCulture);
        return new Uri(apiBase, $"{path.TrimStart('/')}.json?raw_json=1&sort=top&depth=1&limit={limit}");
    }

    /// <summary>The thread's path, e.g. "/r/MachineLearning/comments/1dmo002/", or null when the address is not a Reddit thread.</summary>
    public static string? ThreadPath(string? discussionUrl)
    {
        if (!Uri.TryCreate(discussionUrl, UriKind.Absolute, out var url) || !RedditListingReader.IsRedditHost(url.Host) && url.Host != "redd.it")
        {
            return null;
        }

        var match = ThreadPathPattern().Match(url.AbsolutePath);
        return match.Success ? $"/r/{match.Groups["sub"].Value}/comments/{match.Groups["id"].Value}/" : null;
    }

    public static IReadOnlyList<DiscussionComment> Read(FetchedDocument document, CommentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var json = Json.Parse(document, "Reddit comments");
        var root = json.RootElement;
        // The thread is [post listing, comments listing]; a lone comments listing is read as well.
        var listing = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() >= 2 ? root[1]
            : root.ValueKind == JsonValueKind.Object ? root
            : default;
        if (listing.ValueKind != JsonValueKind.Object || Json.Text(listing, "kind") != "Listing"
            || !listing.TryGetProperty("data", out var data) || !data.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException("Reddit comments JSON has an unexpected shape: expected [post listing, comments listing]");
        }

        var comments = new List<DiscussionComment>();
        foreach (var child in children.EnumerateArray())
        {
            if (Json.Text(child, "kind") == "t1" && child.TryGetProperty("data", out var comment) && Parse(comment, options) is { } kept)
            {
                comments.Add(kept);
            }
        }

        // The API sorts by "top" when asked; sorting again keeps the promise when a server (or a cache) did not.
        var best = comments.OrderByDescending(c => c.Score ?? int.MinValue).ToList();
        return CommentText.WithinBudget(best, c => c.Text, options);
    }

    private static DiscussionComment? Parse(JsonElement comment, CommentOptions options)
    {
        var author = Json.Text(comment, "author");
        var html = Json.Text(comment, "body_html");
        var body = Json.Text(comment, "body");
        if (author is null or "[deleted]" or "AutoModerator" || CommentText.IsGone(body ?? html)
            || Json.IsTrue(comment, "stickied") || Json.Text(comment, "distinguished") is "moderator" or "admin")
        {
            return null;
        }

        var text = html is not null ? PlainText.FromHtml(html) : PlainText.FromText(body);
        var permalink = ItemLinks.Resolve(Json.Text(comment, "permalink"), RedditBase);
        if (text.Length == 0 || CommentText.IsGone(text) || permalink is null)
        {
            return null;
        }

        return new DiscussionComment(
            PlainText.Author("u/" + author) ?? "u/?",
            Json.IsTrue(comment, "score_hidden") ? null : Json.Whole(comment, "score"),
            CommentText.Clip(text, options.MaxCommentLength),
            permalink,
            Json.Number(comment, "created_utc") is { } created ? FeedDates.FromUnixSeconds(created) : null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/r/(?<sub>[A-Za-z0-9_]{2,21})/comments/(?<id>[a-z0-9]{1,12})(?:/|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ThreadPathPattern();
}
