using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing.Feeds;

namespace Digest.Infrastructure.Tests.Publishing;

public sealed class RssFeedCarriesPublishedPosts : IDisposable
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private readonly FeedFixture _fixture = new();

    [Fact]
    public void Each_item_has_title_link_guid_date_author_tags_and_full_content()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2), "Alice Editor", "daily ai summary", "gpt-4o-mini");
        var document = _fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(post)]);

        var feed = Load(document);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Daily AI Digest", feed.Title.Text);
        Assert.Equal("[Daily Automated AI Summary]", item.Title.Text);
        Assert.Equal(post.FeedId, item.Id);
        Assert.Equal(new DateTimeOffset(post.PublishedAt!.Value), item.PublishDate);
        Assert.Equal("https://digest.example/posts/2026-01-02-ai-digest/", item.Links.Single().Uri.AbsoluteUri);
        Assert.Equal(["daily ai summary", "gpt-4o-mini"], item.Categories.Select(c => c.Name));

        var xml = XDocument.Parse(Text(document));
        var xmlItem = xml.Descendants("item").Single();
        Assert.Equal("false", xmlItem.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.Equal("Fri, 02 Jan 2026 07:00:00 GMT", xmlItem.Element("pubDate")!.Value);
        Assert.Equal("Blog Agent", xmlItem.Element(Dc + "creator")!.Value);
        var content = xmlItem.Element(Content + "encoded")!.Value;
        Assert.Contains("Topic of 2026-01-02", content, StringComparison.Ordinal);
        Assert.Contains("Ramifications text.", content, StringComparison.Ordinal);
        Assert.Contains("Headline of 2026-01-02", content, StringComparison.Ordinal);
        Assert.Contains("Writer: gpt-4o-mini. Reviewed and approved by Alice Editor on 2026-01-02.", Html.Body(content).TextContent, StringComparison.Ordinal);
        Assert.Equal("application/rss+xml; charset=utf-8", document.ContentType);
        // The notice opens every post; a summary that repeats it says nothing about the day.
        Assert.StartsWith("Possible consequences of current developments Topic of 2026-01-02", xmlItem.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_post_keeps_the_old_blogs_permalink_as_its_guid()
    {
        var post = Post.CreateDraft("2023-04-12-ai-auto-summary", "[Daily Automated AI Summary]", new DateTime(2023, 4, 12, 16, 11, 21, DateTimeKind.Utc), "Blog Agent", PostOrigin.Imported, PostBuilder.Morning);
        post.AddSection(new Section(SectionKind.Free, null, SharedFixtures.SeedBody("2023-04-12-ai-auto-summary.md")));
        post.KeepFeedId("https://old-blog.example/posts/2023-04-12-ai-auto-summary/");
        post.MarkImportedAsPublished(new DateTime(2023, 4, 12, 16, 11, 21, DateTimeKind.Utc));

        var document = _fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(post)]);

        var guid = XDocument.Parse(Text(document)).Descendants("guid").Single();
        Assert.Equal("true", guid.Attribute("isPermaLink")!.Value);
        Assert.Equal("https://old-blog.example/posts/2023-04-12-ai-auto-summary/", guid.Value);
        Assert.Equal("Wed, 12 Apr 2023 16:11:21 GMT", XDocument.Parse(Text(document)).Descendants("pubDate").Single().Value);
        Assert.Contains("Not reviewed by an editor.", Html.Body(Load(document).Items.Single().ElementExtensions.ReadElementExtensions<string>("encoded", Content.NamespaceName).Single()).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_published_post_changes_its_content_and_build_date_but_never_its_guid_or_pubdate()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2));
        var channel = FeedFixture.Channel("/index.xml");
        var before = XDocument.Parse(Text(_fixture.Rss.Write(channel, [_fixture.Entry(post)])));

        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        post.RewriteSection(topic.Id, new SectionText("Corrected topic", null, "Better benefits.", "Ramifications text."), new DateTime(2026, 1, 2, 9, 15, 0, DateTimeKind.Utc));
        var after = XDocument.Parse(Text(_fixture.Rss.Write(channel, [_fixture.Entry(post)])));

        Assert.Equal(Single(before, "guid"), Single(after, "guid"));
        Assert.Equal(Single(before, "pubDate"), Single(after, "pubDate"));
        Assert.Contains("Corrected topic", after.Descendants(Content + "encoded").Single().Value, StringComparison.Ordinal);
        Assert.Equal("Fri, 02 Jan 2026 07:00:00 GMT", Single(before, "lastBuildDate"));
        Assert.Equal("Fri, 02 Jan 2026 09:15:00 GMT", Single(after, "lastBuildDate"));
    }

    [Fact]
    public void Only_the_posts_passed_in_appear_newest_first()
    {
        var older = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 1));
        var newer = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 3));
        var draft = new PostBuilder().ForEdition(new DateOnly(2026, 1, 4)).Draft();
        _fixture.Renderer.Render(draft);

        var feed = Load(_fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(older), _fixture.Entry(newer)]));

        Assert.Equal([newer.FeedId, older.FeedId], feed.Items.Select(i => i.Id));
        Assert.Throws<InvalidOperationException>(() => FeedEntry.FromPost(draft, FeedFixture.PostPath(draft)));
    }

    [Fact]
    public void A_tag_feed_has_only_the_posts_with_that_tag_and_points_at_the_tag_page()
    {
        var tagged = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 1), "Alice Editor", "gpt-4o-mini");
        var other = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2), "Alice Editor", "claude");
        var entries = new[] { _fixture.Entry(tagged), _fixture.Entry(other) };

        var channel = FeedChannel.ForTag(FeedFixture.Site, "gpt-4o-mini", "/tags/gpt-4o-mini/index.xml");
        var feed = Load(_fixture.Rss.Write(channel, FeedEntries.WithTag(entries, "gpt-4o-mini")));

        Assert.Equal(tagged.FeedId, Assert.Single(feed.Items).Id);
        Assert.Equal("https://digest.example/tags/gpt-4o-mini/", feed.Links.First(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri);
    }

    [Fact]
    public void Titles_with_markup_characters_never_decode_to_a_tag_and_read_as_written_when_shown_as_html()
    {
        var post = new PostBuilder().Titled("Tom & Jerry <script>alert(\"x\")</script> 'quoted'\u0001\u000B end").Published();

        var document = _fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(post)]);

        // RSS never said whether a title is text or HTML: decoded once it holds no '<', and shown as HTML it reads as written.
        var title = Load(document).Items.Single().Title.Text;
        Assert.Equal("Tom & Jerry &lt;script&gt;alert(\"x\")&lt;/script&gt; 'quoted' end", title);
        Assert.Equal("Tom & Jerry <script>alert(\"x\")</script> 'quoted' end", Html.Body(title).TextContent);
    }

    [Fact]
    public void Relative_links_in_content_are_made_absolute_against_the_post()
    {
        var post = new PostBuilder()
            .WithNotice()
            .WithTopic("Topic", "See [the archive](/archives) and [note](#currently-trending-topics).", "r")
            .Published();

        var document = _fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(post)]);

        var content = Html.Body(XDocument.Parse(Text(document)).Descendants(Content + "encoded").Single().Value);
        var hrefs = content.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("https://digest.example/archives", hrefs);
        Assert.Contains("https://digest.example/posts/2026-01-02-ai-digest/#currently-trending-topics", hrefs);
        Assert.All(hrefs, href => Assert.True(Uri.IsWellFormedUriString(href, UriKind.Absolute), href));
        Assert.Null(content.QuerySelector("a[href='https://digest.example/archives']")!.GetAttribute("rel"));
    }

    [Fact]
    public void Script_in_any_stored_text_is_never_executable_in_the_feed()
    {
        var post = new PostBuilder()
            .Titled("<script>alert(1)</script>")
            .WithNotice("<img src=x onerror=alert(1)>")
            .WithTopic("[x](javascript:alert(1))", "<iframe src=//evil.example>", "r", ("<script>alert('source')</script>", "https://example.com/"))
            .Published("<b>Mallory</b>");

        var document = _fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [_fixture.Entry(post)]);

        var content = XDocument.Parse(Text(document)).Descendants(Content + "encoded").Single().Value;
        Assert.Empty(Html.ExecutableParts(content));
        Assert.Empty(Html.Body(content).QuerySelectorAll("b"));
    }

    [Fact]
    public void The_bytes_are_utf8_without_a_byte_order_mark_and_the_etag_follows_the_content()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2));
        var channel = FeedFixture.Channel("/index.xml");

        var first = _fixture.Rss.Write(channel, [_fixture.Entry(post)]);
        var again = _fixture.Rss.Write(channel, [_fixture.Entry(post)]);
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        post.RewriteSection(topic.Id, new SectionText("Changed", null, "b", "r"), PostBuilder.Morning.AddDays(1));
        var changed = _fixture.Rss.Write(channel, [_fixture.Entry(post)]);

        Assert.Equal((byte)'<', first.Content[0]);
        Assert.Equal(first.ETag, again.ETag);
        Assert.NotEqual(first.ETag, changed.ETag);
        Assert.Equal(PostBuilder.Morning.AddDays(1), changed.LastModified);
    }

    private static SyndicationFeed Load(FeedDocument document)
    {
        using var reader = XmlReader.Create(new MemoryStream(document.Content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    private static string Text(FeedDocument document) => System.Text.Encoding.UTF8.GetString(document.Content);

    private static string Single(XDocument document, string name) => document.Descendants(name).Single().Value;

    public void Dispose() => _fixture.Dispose();
}
