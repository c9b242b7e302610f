using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

public sealed class BadAddressesGetAFriendly404 : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/posts/no-such-post/")]
    [InlineData("/posts/no-such-post")]
    [InlineData("/posts/%3Cscript%3E/")]
    [InlineData("/tags/no-such-tag/")]
    [InlineData("/no/such/page")]
    [InlineData("/posts/2026-01-05-ai-digest/")]
    public async Task Unknown_posts_tags_pages_and_drafts_are_404_with_a_way_back(string path)
    {
        await _site.PublishAsync(new PostBuilder());
        await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 5) });

        var response = await _site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.QuerySelector("header nav[aria-label=Site]"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Script_in_stored_text_is_shown_as_text_and_never_runs()
    {
        const string Script = "<script>alert('x')</script>";
        var post = await _site.PublishAsync(new PostBuilder
        {
            Title = "Title " + Script,
            Description = "Description " + Script,
            Author = "Author " + Script,
            Tags = ["tag " + Script],
            Topics = [new("Heading " + Script + " <img src=x onerror=alert(1)>", "Benefit [link](javascript:alert(1)) " + Script, "Risk", ("Label " + Script, "javascript:alert(1)"))],
        });

        foreach (var path in new[] { $"/posts/{post.Slug}/", "/", "/archives", "/tags/", "/search?q=script" })
        {
            AssertInert(new HtmlParser().ParseDocument(await _site.Client.GetStringAsync(path)).DocumentElement, path);
        }

        using var feed = JsonDocument.Parse(await _site.Client.GetStringAsync("/feed.json"));
        AssertInert(new HtmlParser().ParseDocument(feed.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()!).DocumentElement, "feed.json");

        var page = new HtmlParser().ParseDocument(await _site.Client.GetStringAsync($"/posts/{post.Slug}/"));
        Assert.Equal("Title " + Script, page.QuerySelector("main h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main img[onerror]"));
        Assert.Single(page.QuerySelectorAll("head script[type='application/ld+json']"));
    }

    /// <summary>Nothing in the markup can run: no script but the site's own, no event handler, no javascript: link.</summary>
    private static void AssertInert(IElement root, string where)
    {
        Assert.All(root.QuerySelectorAll("script"), script => Assert.True(script.GetAttribute("type") == "application/ld+json" || script.GetAttribute("src")?.StartsWith("theme.", StringComparison.Ordinal) == true, $"{where}: {script.OuterHtml}"));
        Assert.All(root.QuerySelectorAll("*"), element =>
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.False(element.GetAttribute("href")?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{where}: {element.OuterHtml}");
        });
    }

    [Fact]
    public async Task A_post_stored_without_rendering_is_not_served_half_made()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        await _site.App.WithScopeAsync(services => services.GetRequiredService<DigestDbContext>().Posts
            .Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.ContentHtml, (string?)null)));
        await _site.App.WithScopeAsync(services => services.GetRequiredService<Infrastructure.Editing.IPublicSiteCache>().InvalidateAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync($"/posts/{post.Slug}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync("/index.xml")).StatusCode);
        Assert.Equal(PostStatus.Published, post.Status);
    }
}
