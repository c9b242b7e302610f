using System.Net;
using Digest.Infrastructure.Publishing;

namespace Digest.Web.Tests.Public;

public sealed class ListPagesShowPublishedPosts : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_home_page_lists_newest_first_with_excerpt_date_and_reading_time_and_no_drafts()
    {
        var older = await _site.PublishAsync(new PostBuilder { Edition = new(2025, 12, 30) });
        var newer = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 4), Description = "A hand-written summary." });
        await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 5) });

        var home = await _site.PageAsync("/");

        var entries = home.QuerySelectorAll("article.post-entry").ToList();
        Assert.Equal([$"/posts/{newer.Slug}/", $"/posts/{older.Slug}/"], entries.Select(e => e.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.Equal("A hand-written summary.", entries[0].QuerySelector(".entry-excerpt")!.TextContent);
        // Every digest has the same title, so the excerpt is what tells the days apart: their topics.
        Assert.Equal("Why mamba disappeared? · Sparse attention at 1M tokens", entries[1].QuerySelector(".entry-excerpt")!.TextContent);
        Assert.Equal("2026-01-04", entries[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains($"{HugoCounts.ReadingMinutes(newer.WordCount)} min read", entries[0].QuerySelector(".entry-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Daily AI Digest", home.QuerySelector("main h1")!.TextContent);
    }

    [Theory]
    [InlineData("/?page=2", 2)]
    [InlineData("/page/2/", 2)]
    [InlineData("/page/3/", 3)]
    [InlineData("/?page=-5", 1)]
    [InlineData("/?page=abc", 1)]
    [InlineData("/?page=0", 1)]
    // Addresses of pages past the end (/page/4/ of 3) are not found, as on the old Hugo site: OldBlogAddressesKeepWorking.
    public async Task Paging_is_clamped_to_the_pages_that_exist(string path, int expectedPage)
    {
        for (var day = 1; day <= 21; day++)
        {
            await _site.PublishAsync(new PostBuilder { Edition = new(2025, 12, day) });
        }

        var response = await _site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedPage == 3 ? 1 : 10, page.QuerySelectorAll("article.post-entry").Length);
        Assert.Contains($"Page {expectedPage} of 3", page.QuerySelector(".pagination")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expectedPage == 1 ? "http://localhost/" : $"http://localhost/page/{expectedPage}/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(expectedPage < 3, page.QuerySelector(".pagination a[rel=next]") is not null);
    }

    [Fact]
    public async Task Tags_list_every_tag_with_its_count_and_each_tag_page_lists_its_posts()
    {
        var tagged = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 1), Tags = ["daily ai summary", "GPT-4o mini"] });
        await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 2), Tags = ["daily ai summary"] });

        var tags = await _site.PageAsync("/tags/");
        Assert.Equal(["/tags/daily-ai-summary/", "/tags/gpt-4o-mini/"], tags.QuerySelectorAll(".terms-tags a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2", tags.QuerySelector(".terms-tags a sup")!.TextContent);

        var page = await _site.PageAsync("/tags/gpt-4o-mini/");
        Assert.Equal("GPT-4o mini", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal([$"/posts/{tagged.Slug}/"], page.QuerySelectorAll(".archive-posts a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][href='/tags/gpt-4o-mini/index.xml']"));
    }

    [Fact]
    public async Task The_archives_group_posts_by_year_and_month()
    {
        await _site.PublishAsync(new PostBuilder { Edition = new(2025, 11, 30) });
        await _site.PublishAsync(new PostBuilder { Edition = new(2025, 12, 1) });
        await _site.PublishAsync(new PostBuilder { Edition = new(2025, 12, 2) });
        await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 4) });

        var archives = await _site.PageAsync("/archives");

        var years = archives.QuerySelectorAll("section.archive-year").ToList();
        Assert.Equal(["2026", "2025"], years.Select(y => y.QuerySelector("h2")!.FirstChild!.TextContent.Trim()));
        Assert.Equal(["December", "November"], years[1].QuerySelectorAll("h3").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.Equal(2, years[1].QuerySelectorAll("section.archive-month")[0].QuerySelectorAll("li").Length);
    }
}
