using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class SourceKindsAreDetected
{
    [Theory]
    [InlineData("https://www.reddit.com/r/MachineLearning/", SourceKind.Reddit)]
    [InlineData("https://old.reddit.com/r/machinelearningnews/top.json?t=day", SourceKind.Reddit)]
    [InlineData("https://www.reddit.com/r/MachineLearning/.rss", SourceKind.Feed)]
    [InlineData("https://news.ycombinator.com/", SourceKind.HackerNews)]
    [InlineData("https://hn.algolia.com/api/v1/search?tags=front_page", SourceKind.HackerNews)]
    [InlineData("https://news.ycombinator.com/rss", SourceKind.Feed)]
    [InlineData("https://export.arxiv.org/api/query?search_query=cat:cs.LG", SourceKind.Arxiv)]
    [InlineData("https://arxiv.org/list/cs.LG/recent", SourceKind.Arxiv)]
    [InlineData("https://rss.arxiv.org/rss/cs.LG", SourceKind.Arxiv)]
    [InlineData("https://example.com/feed.json", SourceKind.JsonFeed)]
    [InlineData("https://example.com/blog/index.xml", SourceKind.Feed)]
    public void From_the_address(string url, SourceKind kind) => Assert.Equal(kind, SourceKindDetector.Detect(new Uri(url)));

    [Theory]
    [InlineData("reddit_r-popular_hot_listing_2026_first50of100.json", SourceKind.Reddit)]
    [InlineData("jsonfeed_1.1_influxdata_wordpress_authors-anonymised.json", SourceKind.JsonFeed)]
    [InlineData("hn_official-rss_news-ycombinator-com_2025.xml", SourceKind.Rss)]
    [InlineData("reddit_r-pics_atom_2025_one-entry.xml", SourceKind.Atom)]
    [InlineData("arxiv_api_query_all-testing_max10_2026.xml", SourceKind.Arxiv)]
    [InlineData("html-instead-of-feed_marketwatch_document-moved.html", null)]
    [InlineData("dx_billion-laughs_xmlbomb.xml", null)]
    public void From_the_content(string fixture, SourceKind? kind) =>
        Assert.Equal(kind, SourceKindDetector.FromContent(SharedFixtures.Bytes(fixture)));

    [Fact]
    public void Algolia_hits_are_hacker_news() =>
        Assert.Equal(SourceKind.HackerNews, SourceKindDetector.FromContent(Encoding.UTF8.GetBytes("""{"hits":[],"nbHits":0}""")));
}
