using System.Globalization;
using System.Text.Json;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing.Feeds;

namespace Digest.Infrastructure.Tests.Publishing;

public sealed class JsonFeedCarriesPublishedPosts : IDisposable
{
    private readonly FeedFixture _fixture = new();

    [Fact]
    public void The_feed_is_json_feed_1_1_with_the_same_ids_dates_and_content_as_rss()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2), "Alice Editor", "daily ai summary", "gpt-4o-mini");

        var document = _fixture.Json.Write(FeedFixture.Channel("/feed.json"), [_fixture.Entry(post)]);

        Assert.Equal("application/feed+json; charset=utf-8", document.ContentType);
        using var json = JsonDocument.Parse(document.Content);
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Daily AI Digest", root.GetProperty("title").GetString());
        Assert.Equal("https://digest.example/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("https://digest.example/feed.json", root.GetProperty("feed_url").GetString());
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(post.FeedId, item.GetProperty("id").GetString());
        Assert.Equal("https://digest.example/posts/2026-01-02-ai-digest/", item.GetProperty("url").GetString());
        Assert.Equal("[Daily Automated AI Summary]", item.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 7, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(item.GetProperty("date_published").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("2026-01-02T07:00:00Z", item.GetProperty("date_modified").GetString());
        Assert.Equal("Blog Agent", item.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(["daily ai summary", "gpt-4o-mini"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var content = Html.Body(item.GetProperty("content_html").GetString()!);
        Assert.Contains("Topic of 2026-01-02", content.TextContent, StringComparison.Ordinal);
        Assert.Contains("Writer: gpt-4o-mini. Reviewed and approved by Alice Editor on 2026-01-02.", content.TextContent, StringComparison.Ordinal);
        Assert.All(content.QuerySelectorAll("a[href]"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_stay_and_modification_dates_move_when_a_post_is_edited()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2));
        var channel = FeedFixture.Channel("/feed.json");
        using var before = JsonDocument.Parse(_fixture.Json.Write(channel, [_fixture.Entry(post)]).Content);

        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        post.RewriteSection(topic.Id, new SectionText("Corrected", null, "b", "r"), new DateTime(2026, 1, 2, 12, 0, 0, DateTimeKind.Utc));
        using var after = JsonDocument.Parse(_fixture.Json.Write(channel, [_fixture.Entry(post)]).Content);

        var was = before.RootElement.GetProperty("items")[0];
        var now = after.RootElement.GetProperty("items")[0];
        Assert.Equal(was.GetProperty("id").GetString(), now.GetProperty("id").GetString());
        Assert.Equal(was.GetProperty("date_published").GetString(), now.GetProperty("date_published").GetString());
        Assert.Equal("2026-01-02T12:00:00Z", now.GetProperty("date_modified").GetString());
    }

    [Fact]
    public void Titles_with_quotes_and_markup_round_trip_and_only_the_given_posts_appear()
    {
        var odd = new PostBuilder().ForEdition(new DateOnly(2026, 1, 5)).Titled("\"Quoted\" <b>bold</b> & back\\slash").Published();
        var left = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 1));
        FeedFixture.PublishedDigest(new DateOnly(2026, 1, 3));

        using var json = JsonDocument.Parse(_fixture.Json.Write(FeedFixture.Channel("/feed.json"), [_fixture.Entry(left), _fixture.Entry(odd)]).Content);

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([odd.FeedId, left.FeedId], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("\"Quoted\" <b>bold</b> & back\\slash", items[0].GetProperty("title").GetString());
    }

    public void Dispose() => _fixture.Dispose();
}
