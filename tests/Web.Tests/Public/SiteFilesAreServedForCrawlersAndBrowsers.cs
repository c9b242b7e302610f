using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Digest.Web.Tests.Public;

public sealed class SiteFilesAreServedForCrawlersAndBrowsers : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_sitemap_lists_home_archives_tags_and_every_published_post_with_its_date()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 5) });

        var sitemap = XDocument.Parse(await _site.Client.GetStringAsync("/sitemap.xml"));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        Assert.Equal(
            ["http://localhost/", "http://localhost/archives/", $"http://localhost/posts/{post.Slug}/", "http://localhost/tags/", "http://localhost/tags/automated-content/", "http://localhost/tags/daily-ai-summary/"],
            urls.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith(post.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), urls[$"http://localhost/posts/{post.Slug}/"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_point_at_the_sitemap_and_keep_crawlers_out_of_the_dashboard()
    {
        var robots = await _site.Client.GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Styles_and_scripts_are_fingerprinted()
    {
        var page = new HtmlParser().ParseDocument(await _site.Client.GetStringAsync("/"));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();

        Assert.Contains(assets, a => a.StartsWith("site.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("theme.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.Matches(@"^\w+\.[a-z0-9]{8,}\.(css|js)$", asset);
            var response = await _site.Client.GetAsync("/" + asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            // "max-age=31536000, immutable" comes from the publish manifest; a build (as here) serves no-cache.
            // bench/public/run.sh checks the header on the published app.
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/archives")]
    [InlineData("/tags/")]
    [InlineData("/search?q=mamba")]
    public async Task Public_pages_are_plain_html_without_cookies_or_the_blazor_script(string path)
    {
        await _site.PublishAsync(new PostBuilder());

        var response = await _site.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), path);
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
