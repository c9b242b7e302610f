using System.Text.Json;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Feeds;

/// <summary>JSON Feed 1.0 and 1.1.</summary>
internal static class JsonFeedParser
{
    public static bool IsJsonFeed(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && Json.Text(root, "version") is { } version
        && version.StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<FetchedItem> Parse(JsonElement root, Uri feedUrl)
    {
        if (!IsJsonFeed(root))
        {
            throw new SourceFormatException("JSON is not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/1.1\")");
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException("JSON Feed has an unexpected shape: no \"items\" list");
        }

        var feedAuthor = AuthorName(root);
        var result = new List<FetchedItem>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var link = ItemLinks.Resolve(Json.Text(item, "url"), feedUrl)
                ?? ItemLinks.Resolve(Json.Text(item, "external_url"), feedUrl)
                ?? ItemLinks.ResolveAbsolute(Json.Text(item, "id"));
            if (link is null)
            {
                continue;
            }

            var excerpt = PlainText.FromText(Json.Text(item, "summary"));
            if (excerpt.Length == 0)
            {
                excerpt = Json.Text(item, "content_text") is { } contentText ? PlainText.FromText(contentText) : PlainText.FromHtml(Json.Text(item, "content_html"));
            }

            var title = PlainText.FromTextOrHtml(Json.Text(item, "title"));
            result.Add(new FetchedItem(
                Title: PlainText.Title(title.Length > 0 ? title : excerpt.Length > 0 ? PlainText.Truncate(excerpt, 120) : link),
                Url: link,
                Excerpt: PlainText.Excerpt(excerpt),
                PublishedAt: FeedDates.Parse(Json.Text(item, "date_published")) ?? FeedDates.Parse(Json.Text(item, "date_modified")),
                Author: PlainText.Author(PlainText.FromText(AuthorName(item) ?? feedAuthor)),
                ExternalId: Json.Text(item, "id") is { Length: > 0 } id ? PlainText.Truncate(id, 500) : link));
        }

        return result;
    }

    // 1.1 has "authors"; 1.0 had "author"; WordPress writes both.
    private static string? AuthorName(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Select(a => Json.Text(a, "name")).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) ? Json.Text(author, "name") : null;
    }
}
