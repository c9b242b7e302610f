using System.Globalization;
using System.Text.Json;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.HackerNews;

/// <summary>
/// One item of the official Hacker News API (<c>/v0/item/&lt;id&gt;.json</c>): a story with the ids of its top-level
/// comments in <c>kids</c>, in the order Hacker News ranks them, or a comment with <c>by</c>, <c>text</c> (HTML) and
/// <c>time</c>. Deleted items carry <c>deleted: true</c>, killed ones <c>dead: true</c>. Hacker News publishes no
/// comment scores.
/// </summary>
public static class HackerNewsItemReader
{
    public const string Accept = "application/json";

    public static Uri ItemUrl(Uri apiBase, long id)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        return new Uri(apiBase, string.Create(CultureInfo.InvariantCulture, $"item/{id}.json"));
    }

    /// <summary>The public page of an item: what a comment's permalink is.</summary>
    public static string PageUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"https://news.ycombinator.com/item?id={id}");

    /// <summary>The item id of a discussion address (news.ycombinator.com/item?id=…), or null.</summary>
    public static long? ItemId(string? discussionUrl)
    {
        if (!Uri.TryCreate(discussionUrl, UriKind.Absolute, out var url) || !url.Host.Equals("news.ycombinator.com", StringComparison.OrdinalIgnoreCase)
            || !url.AbsolutePath.Equals("/item", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts is ["id", var value] && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }
        }

        return null;
    }

    public static HackerNewsItem Read(FetchedDocument document)
    {
        using var json = Json.Parse(document, "Hacker News item");
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            // The API answers "null" for an id that does not exist.
            throw new SourceFormatException("Hacker News has no such item");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            throw new SourceFormatException("Hacker News item JSON has an unexpected shape: no numeric \"id\"");
        }

        var kids = new List<long>();
        if (root.TryGetProperty("kids", out var kidsElement) && kidsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var kid in kidsElement.EnumerateArray())
            {
                if (kid.ValueKind == JsonValueKind.Number && kid.TryGetInt64(out var kidId))
                {
                    kids.Add(kidId);
                }
            }
        }

        return new HackerNewsItem(
            id,
            Json.Text(root, "type") ?? "",
            Json.Text(root, "by"),
            PlainText.FromHtml(Json.Text(root, "text")),
            Json.Number(root, "time") is { } time ? FeedDates.FromUnixSeconds(time) : null,
            kids,
            Json.IsTrue(root, "deleted") || Json.IsTrue(root, "dead"));
    }
}

/// <summary>An item as the reader keeps it; <see cref="Text"/> is plain text.</summary>
public sealed record HackerNewsItem(long Id, string Type, string? By, string Text, DateTime? Time, IReadOnlyList<long> Kids, bool Gone)
{
    public bool IsReadableComment => Type == "comment" && !Gone && By is not null && Text.Length > 0;
}
