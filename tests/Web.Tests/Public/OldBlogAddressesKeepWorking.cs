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
