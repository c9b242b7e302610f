using System.ServiceModel.Syndication;
using System.Xml;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing.Feeds;

namespace Digest.Infrastructure.Tests.Publishing;

public sealed class AtomFeedCarriesPublishedPosts : IDisposable
{
    private readonly FeedFixture _fixture = new();

    [Fact]
    public void Each_entry_has_the_same_id_dates_links_and_full_content_as_the_rss_item()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2), "Alice Editor", "daily ai summary");
        var entry = _fixture.Entry(post);

        var atom = Load(_fixture.Atom.Write(FeedFixture.Channel("/atom.xml"), [entry]));
        var rss = Parse(_fixture.Rss.Write(FeedFixture.Channel("/index.xml"), [entry]));

        Assert.Equal("Daily AI Digest", atom.Title.Text);
        Assert.Equal("https://digest.example/atom.xml", atom.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 7, 0, 0, TimeSpan.Zero), atom.LastUpdatedTime);
        var item = Assert.Single(atom.Items);
        Assert.Equal(rss.Items.Single().Id, item.Id);
        Assert.Equal(post.FeedId, item.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 7, 0, 0, TimeSpan.Zero), item.PublishDate);
        Assert.Equal(item.PublishDate, item.LastUpdatedTime);
        Assert.Equal("https://digest.example/posts/2026-01-02-ai-digest/", item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("Blog Agent", item.Authors.Single().Name);
        Assert.Equal(["daily ai summary"], item.Categories.Select(c => c.Name));
        var content = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Equal("html", content.Type);
        Assert.Contains("Topic of 2026-01-02", content.Text, StringComparison.Ordinal);
        Assert.Contains("Reviewed and approved by Alice Editor on 2026-01-02.", Html.Body(content.Text).TextContent, StringComparison.Ordinal);
        Assert.Equal("https://digest.example/atom.xml", atom.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
    }

    [Fact]
    public void An_edit_updates_the_entry_but_keeps_its_id_and_published_date()
    {
        var post = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 2));
        var channel = FeedFixture.Channel("/atom.xml");
        var before = Load(_fixture.Atom.Write(channel, [_fixture.Entry(post)])).Items.Single();

        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        var editedAt = new DateTime(2026, 1, 3, 8, 0, 0, DateTimeKind.Utc);
        post.RewriteSection(topic.Id, new SectionText("Corrected", null, "b", "r"), editedAt);
        var after = Load(_fixture.Atom.Write(channel, [_fixture.Entry(post)])).Items.Single();

        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.PublishDate, after.PublishDate);
        Assert.Equal(new DateTimeOffset(editedAt), after.LastUpdatedTime);
        Assert.Contains("Corrected", ((TextSyndicationContent)after.Content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_characters_in_titles_round_trip_and_only_the_given_posts_appear()
    {
        var odd = new PostBuilder().ForEdition(new DateOnly(2026, 1, 5)).Titled("A < B & \"C\" > D\u0007").Published();
        var plain = FeedFixture.PublishedDigest(new DateOnly(2026, 1, 1));
        FeedFixture.PublishedDigest(new DateOnly(2026, 1, 3));

        var feed = Load(_fixture.Atom.Write(FeedFixture.Channel("/atom.xml"), [_fixture.Entry(odd), _fixture.Entry(plain)]));

        Assert.Equal([odd.FeedId, plain.FeedId], feed.Items.Select(i => i.Id));
        Assert.Equal("A < B & \"C\" > D", feed.Items.First().Title.Text);
    }

    [Fact]
    public void An_empty_feed_is_still_valid()
    {
        var feed = Load(_fixture.Atom.Write(FeedFixture.Channel("/atom.xml"), []));

        Assert.Empty(feed.Items);
        Assert.Equal("https://digest.example/atom.xml", feed.Id);
    }

    private static SyndicationFeed Load(FeedDocument document)
    {
        Assert.Equal("application/atom+xml; charset=utf-8", document.ContentType);
        return Parse(document);
    }

    private static SyndicationFeed Parse(FeedDocument document)
    {
        using var reader = XmlReader.Create(new MemoryStream(document.Content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    public void Dispose() => _fixture.Dispose();
}
