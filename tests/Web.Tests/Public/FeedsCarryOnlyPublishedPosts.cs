using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Digest.Infrastructure.Editing;

namespace Digest.Web.Tests.Public;

public sealed class FeedsCarryOnlyPublishedPosts : IAsyncLifetime
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/index.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/tags/daily-ai-summary/index.xml")]
    [InlineData("/tags/daily-ai-summary/atom.xml")]
    public async Task Rss_and_atom_feeds_parse_and_carry_full_content_disclosure_and_absolute_links(string path)
    {
        var post = await _site.PublishAsync(new PostBuilder());
        await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 5), Title = "A draft nobody approved" });

        var feed = await LoadFeedAsync(path);

        var item = Assert.Single(feed.Items);
        Assert.Equal(post.FeedId, item.Id);
        Assert.Equal("[Daily Automated AI Summary]", item.Title.Text);
        Assert.Equal($"http://localhost/posts/{post.Slug}/", item.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri);
        var content = ContentOf(item);
        Assert.Contains("Why mamba disappeared?", content, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.reddit.com/r/MachineLearning/comments/1/\"", content, StringComparison.Ordinal);
        Assert.Contains("Reviewed and approved by an editor", content, StringComparison.Ordinal);
        Assert.DoesNotContain("editor@example.com", content, StringComparison.Ordinal);
        Assert.Contains("Writer: gpt-4o-mini.", content, StringComparison.Ordinal);
        Assert.Equal(Seconds(post.PublishedAt!.Value), item.PublishDate.UtcDateTime);
    }

    [Theory]
    [InlineData("/feed.json")]
    [InlineData("/tags/daily-ai-summary/feed.json")]
    public async Task The_json_feed_parses_and_carries_the_same_post(string path)
    {
        var post = await _site.PublishAsync(new PostBuilder());
        await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 5) });

        var response = await _site.Client.GetAsync(path);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(post.FeedId, item.GetProperty("id").GetString());
        Assert.Equal($"http://localhost/posts/{post.Slug}/", item.GetProperty("url").GetString());
        Assert.Contains("Reviewed and approved by an editor", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal(Seconds(post.PublishedAt!.Value), item.GetProperty("date_published").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task An_edit_changes_content_and_updated_date_but_never_the_guid()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        var before = Assert.Single((await LoadFeedAsync("/atom.xml")).Items);

        await _site.WithEditorAsync(async editor =>
        {
            var current = await editor.FindAsync(post.Slug);
            var topic = current.Sections.First(s => s.Kind == Domain.Posts.SectionKind.Topic);
            return await editor.SaveAsync(new PostEdit(current.Id, current.Version, current.Title, [new SectionEdit(topic.Id, topic.Text with { Benefits = "Corrected benefit." })]), PublicSite.Editor);
        });

        var rss = Assert.Single((await LoadFeedAsync("/index.xml")).Items);
        var atom = Assert.Single((await LoadFeedAsync("/atom.xml")).Items);
        using var json = JsonDocument.Parse(await _site.Client.GetStringAsync("/feed.json"));
        var jsonItem = json.RootElement.GetProperty("items")[0];
        Assert.Equal(before.Id, rss.Id);
        Assert.Equal(before.Id, atom.Id);
        Assert.Equal(before.Id, jsonItem.GetProperty("id").GetString());
        Assert.Contains("Corrected benefit.", ContentOf(rss), StringComparison.Ordinal);
        Assert.Equal(before.PublishDate, atom.PublishDate);
        Assert.True(atom.LastUpdatedTime >= before.LastUpdatedTime);
    }

    [Fact]
    public async Task A_tag_feed_of_an_unknown_tag_is_404()
    {
        await _site.PublishAsync(new PostBuilder());

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/tags/no-such-tag/index.xml")).StatusCode);
    }

    private async Task<SyndicationFeed> LoadFeedAsync(string path)
    {
        var response = await _site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    private static string ContentOf(SyndicationItem item) =>
        item.Content is TextSyndicationContent text
            ? text.Text
            : item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentNs).Single();

    private static DateTime Seconds(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
}
