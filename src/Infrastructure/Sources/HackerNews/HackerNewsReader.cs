using System.Globalization;
using System.Text.Json;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.HackerNews;

/// <summary>
/// Hacker News through the Algolia search API (see docs/decisions/0002-hacker-news-api.md): one request gives
/// the whole front page with points and comment counts — {"hits":[{objectID, title, url, author, points,
/// num_comments, created_at, created_at_i, story_text}], …}.
/// </summary>
public sealed class HackerNewsReader : ISourceReader
{
    public const string FrontPageUrl = "https://hn.algolia.com/api/v1/search?tags=front_page&hitsPerPage=50";

    public string Accept => "application/json";

    /// <summary>An Algolia API address is used as given; news.ycombinator.com (or any other HN address) means the front page.</summary>
    public Uri RequestUrl(Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        return sourceUrl.Host.Equals("hn.algolia.com", StringComparison.OrdinalIgnoreCase) || !IsHackerNewsHost(sourceUrl.Host)
            ? sourceUrl
            : new Uri(FrontPageUrl);
    }

    public IReadOnlyList<FetchedItem> Read(FetchedDocument document)
    {
        using var json = Json.Parse(document, "Hacker News");
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("hits", out var hits) || hits.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException("Hacker News (Algolia) JSON has an unexpected shape: no \"hits\" list");
        }

        var items = new List<FetchedItem>();
        var unreadable = 0;
        foreach (var hit in hits.EnumerateArray())
        {
            if (Parse(hit) is { } item)
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
            throw new SourceFormatException($"Hacker News (Algolia) JSON has an unexpected shape: none of {unreadable} hits has an objectID and a title");
        }

        return items;
    }

    private static FetchedItem? Parse(JsonElement hit)
    {
        var id = Json.Text(hit, "objectID") ?? (Json.Whole(hit, "objectID") is { } number ? number.ToString(CultureInfo.InvariantCulture) : null);
        var title = PlainText.FromText(Json.Text(hit, "title") ?? Json.Text(hit, "story_title"));
        if (string.IsNullOrWhiteSpace(id) || title.Length == 0)
        {
            return null;
        }

        var discussion = $"https://news.ycombinator.com/item?id={Uri.EscapeDataString(id)}";
        var published = Json.Number(hit, "created_at_i") is { } seconds ? FeedDates.FromUnixSeconds(seconds) : FeedDates.Parse(Json.Text(hit, "created_at"));
        return new FetchedItem(
            Title: PlainText.Title(title),
            Url: ItemLinks.ResolveAbsolute(Json.Text(hit, "url")) ?? discussion,
            Excerpt: PlainText.Excerpt(PlainText.FromHtml(Json.Text(hit, "story_text"))),
            PublishedAt: published,
            Author: PlainText.Author(Json.Text(hit, "author")),
            Score: Json.Whole(hit, "points"),
            Comments: Json.Whole(hit, "num_comments"),
            ExternalId: id,
            DiscussionUrl: discussion);
    }

    internal static bool IsHackerNewsHost(string host) =>
        host.Equals("news.ycombinator.com", StringComparison.OrdinalIgnoreCase) || host.Equals("hn.algolia.com", StringComparison.OrdinalIgnoreCase);
}
