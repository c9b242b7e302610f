using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Digest.Web.Tests.Public;

/// <summary>The Hugo blog's addresses, so old links and subscriptions survive the move.</summary>
public sealed class OldBlogAddressesKeepWorking : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/posts/2026-01-04-ai-auto-summary/")]
    [InlineData("/posts/2026-01-04-ai-auto-summary")]
    [InlineData("/posts/2026-01-04-AI-Auto-Summary/")]
    [InlineData("/tags/daily-ai-summary/")]
    [InlineData("/tags/daily-ai-summary")]
    [InlineData("/archives")]
    [InlineData("/archives/")]
    [InlineData("/search/")]
    [InlineData("/posts/")]
    public async Task Old_pages_answer(string path)
    {
        await _site.ImportAsync(new PostBuilder());

        var response = await _site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/index.xml")]
    [InlineData("/tags/daily-ai-summary/index.xml")]
    public async Task Old_feeds_answer_with_the_imported_post(string path)
    {
        var imported = await _site.ImportAsync(new PostBuilder());

        var response = await _site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var item = Assert.Single(SyndicationFeed.Load(reader).Items);
        Assert.Equal(imported.FeedId, item.Id);
        Assert.Equal("http://localhost/posts/2026-01-04-ai-auto-summary/", item.Links[0].Uri.AbsoluteUri);
    }
}

/// <summary>Hugo's list pages, section feed, index.html files and taxonomy: 200 or a permanent redirect, and 404 past the end.</summary>
public sealed class OldHugoListAddressesKeepWorking
{
    [Fact]
    public async Task Old_list_pages_feeds_and_files_answer_or_redirect_and_pages_past_the_end_are_not_found()
    {
        await using var site = await PublicSite.StartAsync();
        for (var day = 1; day <= 12; day++)
        {
            await site.ImportAsync(new PostBuilder { Edition = new DateOnly(2025, 1, day), Date = new DateTime(2025, 1, day, 5, 0, 0, DateTimeKind.Utc) });
        }

        (string Path, HttpStatusCode Status, string? Location)[] expected =
        [
            ("/page/2/", HttpStatusCode.OK, null),
            ("/page/2", HttpStatusCode.OK, null),
            ("/page/1/", HttpStatusCode.OK, null),
            ("/page/3/", HttpStatusCode.NotFound, null),
            ("/page/100000/", HttpStatusCode.NotFound, null),
            ("/page/0/", HttpStatusCode.NotFound, null),
            ("/page/two/", HttpStatusCode.NotFound, null),
            ("/posts/page/2/", HttpStatusCode.MovedPermanently, "/page/2/"),
            ("/posts/page/1/", HttpStatusCode.MovedPermanently, "/"),
            ("/posts/page/3/", HttpStatusCode.NotFound, null),
            ("/tags/daily-ai-summary/page/2/", HttpStatusCode.MovedPermanently, "/tags/daily-ai-summary/"),
            ("/tags/daily-ai-summary/page/3/", HttpStatusCode.NotFound, null),
            ("/tags/no-such-tag/page/1/", HttpStatusCode.NotFound, null),
            ("/posts/index.xml", HttpStatusCode.MovedPermanently, "/index.xml"),
            ("/posts/2025-01-03-ai-digest/index.html", HttpStatusCode.MovedPermanently, "/posts/2025-01-03-ai-digest/"),
            ("/index.html", HttpStatusCode.MovedPermanently, "/"),
            ("/categories/", HttpStatusCode.MovedPermanently, "/tags/"),
        ];
        foreach (var (path, status, location) in expected)
        {
            var response = await site.Client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"GET {path}: {(int)response.StatusCode}, expected {(int)status}");
            Assert.Equal(location, response.Headers.Location?.OriginalString);
        }
    }
}
