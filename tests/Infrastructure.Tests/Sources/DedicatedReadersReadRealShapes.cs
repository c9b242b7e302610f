using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Reddit, Hacker News and arXiv readers against the services' captured payloads, served over HTTP.</summary>
public sealed class DedicatedReadersReadRealShapes : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create();

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Reddit_listing_gives_score_comments_flair_permalink_and_self_text()
    {
        _server.Serve("/r/popular/hot.json", LocalResponse.File(SharedFixtures.Path("reddit_r-popular_hot_listing_2026_first50of100.json"), "application/json; charset=UTF-8"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/r/popular/hot.json"), SourceKind.Reddit), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(50, result.Items.Count);
        var link = result.Items[0];
        Assert.StartsWith("Ulberg on Jiri showing mercy: “That’s bullshit", link.Title, StringComparison.Ordinal);
        Assert.Equal("https://streamable.com/ql7tuy", link.Url);
        Assert.Equal("https://www.reddit.com/r/MMA/comments/1skjxta/ulberg_on_jiri_showing_mercy_thats_bullshit_total/", link.DiscussionUrl);
        Assert.Equal(546, link.Score);
        Assert.Equal(495, link.Comments);
        Assert.Equal("t3_1skjxta", link.ExternalId);
        Assert.Equal("u/airplane231", link.Author);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1776105848), link.PublishedAt);
        Assert.Equal("https://x.com/arielhelwani/status/2043757261882044451", link.Excerpt);
        Assert.Equal("Media", link.Flair);

        var self = Assert.Single(result.Items, i => i.ExternalId == "t3_1sk894v");
        Assert.Equal(self.DiscussionUrl, self.Url);
        Assert.Equal(2686, self.Score);
        Assert.StartsWith("This is ridiculous the movie made $800 million", self.Excerpt, StringComparison.Ordinal);
        Assert.Equal("Discussion", self.Flair);
        Assert.DoesNotContain("<", self.Excerpt, StringComparison.Ordinal);

        var request = Assert.Single(_server.Requests);
        Assert.Contains("raw_json=1", request.QueryString, StringComparison.Ordinal);
        Assert.StartsWith("Digest/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reddit_subreddit_address_is_fetched_as_its_listing_json_without_pinned_posts()
    {
        const string listing = """
            {"kind":"Listing","data":{"children":[
              {"kind":"t3","data":{"title":"[D] Weekly thread","permalink":"/r/MachineLearning/comments/aaa111/weekly/","url":"https://www.reddit.com/r/MachineLearning/comments/aaa111/weekly/","is_self":true,"stickied":true,"score":5,"num_comments":2,"created_utc":1700000000,"name":"t3_aaa111"}},
              {"kind":"t3","data":{"title":"[R] A result","permalink":"/r/MachineLearning/comments/bbb222/a_result/","url":"https://example.org/paper","is_self":false,"score":50,"num_comments":7,"created_utc":1700000100,"name":"t3_bbb222"}}
            ]}}
            """;
        _server.Serve("/r/MachineLearning/.json", LocalResponse.Text(listing, "application/json"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/r/MachineLearning/"), SourceKind.Reddit), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Items);
        Assert.Equal("[R] A result", item.Title);
        Assert.Equal("https://example.org/paper", item.Url);
    }

    [Fact]
    public async Task Hacker_news_algolia_front_page_gives_points_comments_and_discussion_links()
    {
        const string frontPage = """
            {"hits":[
              {"created_at":"2025-12-13T22:58:29Z","title":"Linux Sandboxes and Fil-C","url":"https://fil-c.org/seccomp","author":"pizlonator","points":312,"story_text":null,"num_comments":118,"created_at_i":1765666709,"_tags":["story","front_page"],"objectID":"46259064"},
              {"created_at":"2025-12-13T20:00:00Z","title":"Ask HN: What are you training this weekend?","url":null,"author":"someone","points":45,"story_text":"<p>Curious what people are <i>fine-tuning</i> &amp; why.</p>","num_comments":61,"created_at_i":1765656000,"objectID":"46257000"}
            ],"nbHits":2,"page":0,"nbPages":1,"hitsPerPage":50}
            """;
        _server.Serve("/api/v1/search", LocalResponse.Text(frontPage, "application/json; charset=utf-8"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/api/v1/search?tags=front_page"), SourceKind.HackerNews), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Items.Count);
        var story = result.Items[0];
        Assert.Equal("https://fil-c.org/seccomp", story.Url);
        Assert.Equal(312, story.Score);
        Assert.Equal(118, story.Comments);
        Assert.Equal("46259064", story.ExternalId);
        Assert.Equal("https://news.ycombinator.com/item?id=46259064", story.DiscussionUrl);
        Assert.Equal(new DateTime(2025, 12, 13, 22, 58, 29, DateTimeKind.Utc), story.PublishedAt);
        var ask = result.Items[1];
        Assert.Equal("https://news.ycombinator.com/item?id=46257000", ask.Url);
        Assert.Equal("Curious what people are fine-tuning & why.", ask.Excerpt);
    }

    [Fact]
    public async Task Hacker_news_firebase_item_is_a_changed_shape_for_the_algolia_reader()
    {
        _server.Serve("/v0/item/8863.json", LocalResponse.File(SharedFixtures.Path("hn_firebase_item_8863_story.json"), "application/json"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/v0/item/8863.json"), SourceKind.HackerNews), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Equal("Hacker News (Algolia) JSON has an unexpected shape: no \"hits\" list", result.Error);
    }

    [Fact]
    public async Task Arxiv_api_atom_gives_abstract_authors_and_one_id_per_paper()
    {
        _server.Serve("/api/query", LocalResponse.File(SharedFixtures.Path("arxiv_api_query_all-testing_max10_2026.xml"), "application/atom+xml; charset=utf-8"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/api/query?search_query=all:testing"), SourceKind.Arxiv), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(10, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal("2202.12139", first.ExternalId);
        Assert.Equal("https://arxiv.org/abs/2202.12139", first.Url);
        Assert.Equal("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques", first.Title);
        Assert.Equal("Mohit Kumar Ahuja, Arnaud Gotlieb, Helge Spieker", first.Author);
        Assert.Equal(new DateTime(2022, 2, 24, 15, 5, 19, DateTimeKind.Utc), first.PublishedAt);
        Assert.StartsWith("Deep Learning (DL) has revolutionized", first.Excerpt, StringComparison.Ordinal);
        Assert.Contains(result.Items, i => i.Url == "https://arxiv.org/abs/2005.14124" && i.ExternalId == "2005.14124");
        Assert.All(result.Items, i => Assert.DoesNotMatch(@"v\d+$", i.Url));
    }

    [Fact]
    public async Task Arxiv_category_rss_points_at_abstract_pages_without_the_announce_prefix()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>cs.LG updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs.LG</link>
              <item><title>Sparse Routers Revisited</title><link>https://arxiv.org/abs/2512.01234</link>
                <description>arXiv:2512.01234v1 Announce Type: new Abstract: We revisit sparse routing.</description>
                <guid isPermaLink="false">oai:arXiv.org:2512.01234v1</guid><pubDate>Mon, 15 Dec 2025 00:00:00 -0500</pubDate>
                <dc:creator>A. Author, B. Author</dc:creator></item>
            </channel></rss>
            """;
        _server.Serve("/rss/cs.LG", LocalResponse.Bytes(Encoding.UTF8.GetBytes(rss), "application/rss+xml"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/rss/cs.LG"), SourceKind.Arxiv), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Items);
        Assert.Equal("https://arxiv.org/abs/2512.01234", item.Url);
        Assert.Equal("2512.01234", item.ExternalId);
        Assert.Equal("We revisit sparse routing.", item.Excerpt);
        Assert.Equal("A. Author, B. Author", item.Author);
    }
}
