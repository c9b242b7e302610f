using System.Net;
using System.Text.Json;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Reddit;

/// <summary>
/// A subreddit listing as Reddit's JSON API gives it (/r/&lt;sub&gt;/top.json?t=day, hot.json): "kind": "Listing",
/// data.children of kind t3 with title, score, num_comments, link_flair_text, permalink, url and selftext.
/// </summary>
public sealed class RedditListingReader : ISourceReader
{
    /// <summary>Flair is a short label; a subreddit can make it long, the column is not.</summary>
    public const int MaxFlairLength = 100;

    private static readonly Uri RedditBase = new("https://www.reddit.com/");

    public string Accept => "application/json";

    /// <summary>A subreddit page address becomes its listing JSON; raw_json=1 stops Reddit from HTML-escaping the text.</summary>
    public Uri RequestUrl(Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        // By path, not host: a Reddit-shaped address is a listing wherever it is served (tests serve it from 127.0.0.1).
        if (!IsRedditHost(sourceUrl.Host) && !sourceUrl.AbsolutePath.StartsWith("/r/", StringComparison.OrdinalIgnoreCase))
        {
            return sourceUrl;
        }

        var builder = new UriBuilder(sourceUrl);
        var path = builder.Path;
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            builder.Path = segments.Length == 2 && segments[0] == "r" ? $"/r/{segments[1]}/.json" : path.TrimEnd('/') + ".json";
        }

        if (!builder.Query.Contains("raw_json=", StringComparison.OrdinalIgnoreCase))
        {
            builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&raw_json=1" : "raw_json=1";
        }

        return builder.Uri;
    }

    public IReadOnlyList<FetchedItem> Read(FetchedDocument document)
    {
        using var json = Json.Parse(document, "Reddit");
        var root = json.RootElement;
        if (Json.Text(root, "kind") != "Listing" || !root.TryGetProperty("data", out var data)
            || !data.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException("Reddit JSON has an unexpected shape: expected a Listing with data.children");
        }

        var items = new List<FetchedItem>();
        var unreadable = 0;
        foreach (var child in children.EnumerateArray())
        {
            if (Json.Text(child, "kind") != "t3" || !child.TryGetProperty("data", out var post) || post.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // Pinned moderator threads are not news; over-18 posts do not belong on a public blog.
            if (Json.IsTrue(post, "stickied") || Json.IsTrue(post, "over_18"))
            {
                continue;
            }

            if (Parse(post) is { } item)
            {
                items.Add(item);
            }
            else
            {
                unreadable++;
            }
        }

        if (items.Count == 0 && unreadable > 0)
        {
            throw new SourceFormatException($"Reddit JSON has an unexpected shape: none of {unreadable} posts has a title and a permalink");
        }

        return items;
    }

    private static FetchedItem? Parse(JsonElement post)
    {
        var title = PlainText.FromText(Json.Text(post, "title"));
        var discussion = ItemLinks.Resolve(Json.Text(post, "permalink"), RedditBase);
        if (title.Length == 0 || discussion is null)
        {
            return null;
        }

        var link = Json.IsTrue(post, "is_self")
            ? discussion
            : ItemLinks.Resolve(Json.Text(post, "url_overridden_by_dest") ?? Json.Text(post, "url"), RedditBase) ?? discussion;

        var author = Json.Text(post, "author");
        return new FetchedItem(
            Title: PlainText.Title(title),
            Url: link,
            Excerpt: PlainText.Excerpt(Excerpt(post)),
            PublishedAt: Json.Number(post, "created_utc") is { } created ? FeedDates.FromUnixSeconds(created) : null,
            Author: author is null or "[deleted]" ? null : PlainText.Author("u/" + author),
            Score: Json.Whole(post, "score"),
            Comments: Json.Whole(post, "num_comments"),
            ExternalId: Json.Text(post, "name") ?? (Json.Text(post, "id") is { } id ? "t3_" + id : discussion),
            DiscussionUrl: discussion,
            Flair: Flair(post));
    }

    private static string? Flair(JsonElement post)
    {
        var flair = PlainText.FromText(Json.Text(post, "link_flair_text"));
        return flair.Length == 0 ? null : flair.Length <= MaxFlairLength ? flair : flair[..MaxFlairLength];
    }

    private static string? Excerpt(JsonElement post)
    {
        var html = Json.Text(post, "selftext_html");
        var text = html is not null
            ? PlainText.FromHtml(html.Contains('<', StringComparison.Ordinal) ? html : WebUtility.HtmlDecode(html))
            : PlainText.FromText(Json.Text(post, "selftext"));
        return text.Length == 0 ? null : text;
    }

    internal static bool IsRedditHost(string host) =>
        host.Equals("reddit.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".reddit.com", StringComparison.OrdinalIgnoreCase);
}
