using System.Text.Json;
using AngleSharp.Dom;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;

namespace Digest.Web.Tests.Public;

public sealed class PostPageShowsWhatAReaderNeeds : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_page_has_title_meta_toc_sources_tags_and_the_disclosure()
    {
        var post = await _site.PublishAsync(new PostBuilder { Flags = PostFlags.HouseDefault with { TocOpen = true } });

        var page = await _site.PageAsync($"/posts/{post.Slug}/");

        Assert.Equal("[Daily Automated AI Summary]", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(["Home", "Posts"], page.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.TextContent));
        var meta = page.QuerySelector(".post-meta")!;
        Assert.Equal("2026-01-04T06:00:00Z", meta.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("January 4, 2026", meta.TextContent, StringComparison.Ordinal);
        // The stored, Hugo-computed numbers: nothing is counted on a page view.
        Assert.Equal($"{post.WordCount} words", meta.QuerySelector(".word-count")!.TextContent);
        Assert.Equal($"{HugoCounts.ReadingMinutes(post.WordCount)} min read", meta.QuerySelector(".reading-time")!.TextContent);
        Assert.Equal(HugoCounts.WordCount(post.ContentHtml!), post.WordCount);
        Assert.Equal("Blog Agent", meta.QuerySelector(".author")!.TextContent);

        var toc = page.QuerySelector("details.toc")!;
        Assert.True(toc.HasAttribute("open"));
        var tocLinks = toc.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal(
            [("#possible-consequences-of-current-developments", "Possible consequences of current developments"), ("#currently-trending-topics", "Currently trending topics"), ("#gpt-predicts-future-events", "GPT predicts future events")],
            tocLinks);
        Assert.All(tocLinks, link => Assert.NotNull(page.GetElementById(link.Item1![1..])));

        var content = page.QuerySelector(".post-content")!;
        Assert.StartsWith("Notice:", content.QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        var topics = content.QuerySelectorAll("ol > li").ToList();
        Assert.Equal(2, topics.Count);
        Assert.Equal(["r/MachineLearning · 120 points · 12 comments", "Hacker News · 88 points · 40 comments"], SourcesOf(topics[1]).Select(a => a.TextContent));
        Assert.Equal("https://news.ycombinator.com/item?id=2", SourcesOf(topics[1])[1].GetAttribute("href"));
        Assert.Equal("nofollow noopener", SourcesOf(topics[0])[0].GetAttribute("rel"));

        Assert.Equal(["/tags/daily-ai-summary/", "/tags/automated-content/"], page.QuerySelectorAll(".post-tags a").Select(a => a.GetAttribute("href")));

        var disclosure = page.QuerySelector("aside.disclosure")!;
        Assert.Contains("the language model gpt-4o-mini", disclosure.QuerySelector(".written-by")!.TextContent, StringComparison.Ordinal);
        var reviewed = disclosure.QuerySelector(".reviewed-by")!;
        // The reviewer was recorded by address and has no account: readers see a role, never the address.
        Assert.Contains("Read, reviewed and approved by an editor", reviewed.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain(PublicSite.Editor, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(post.ReviewedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), reviewed.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_closed_toc_a_hidden_toc_and_hidden_counts_follow_the_post_flags()
    {
        var closed = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 1) });
        var hidden = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 2), Flags = new PostFlags(ShowToc: false, TocOpen: true, ShowReadingTime: false, ShowWordCount: false) });

        var closedPage = await _site.PageAsync($"/posts/{closed.Slug}/");
        Assert.False(closedPage.QuerySelector("details.toc")!.HasAttribute("open"));

        var hiddenPage = await _site.PageAsync($"/posts/{hidden.Slug}/");
        Assert.Null(hiddenPage.QuerySelector("details.toc"));
        Assert.Null(hiddenPage.QuerySelector(".reading-time"));
        Assert.Null(hiddenPage.QuerySelector(".word-count"));
    }

    [Fact]
    public async Task A_cover_shows_with_its_alt_text_unless_the_post_hides_it()
    {
        var shown = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 1), Cover = new Cover("https://example.org/birds.png", "singing birds", Hidden: false) });
        var hidden = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 2), Cover = new Cover("https://example.org/birds.png", "singing birds", Hidden: true) });

        var img = (await _site.PageAsync($"/posts/{shown.Slug}/")).QuerySelector(".entry-cover img")!;
        Assert.Equal("https://example.org/birds.png", img.GetAttribute("src"));
        Assert.Equal("singing birds", img.GetAttribute("alt"));
        var hiddenPage = await _site.PageAsync($"/posts/{hidden.Slug}/");
        Assert.Null(hiddenPage.QuerySelector(".entry-cover"));
        // Social cards still carry the image.
        Assert.Equal("https://example.org/birds.png", hiddenPage.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Newer_and_older_posts_are_linked_in_the_order_of_the_home_page()
    {
        var first = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 1) });
        var second = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 2) });
        var third = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 3) });

        var middle = await _site.PageAsync($"/posts/{second.Slug}/");
        Assert.Equal($"/posts/{third.Slug}/", middle.QuerySelector(".paginav a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/posts/{first.Slug}/", middle.QuerySelector(".paginav a[rel=next]")!.GetAttribute("href"));
        var newest = await _site.PageAsync($"/posts/{third.Slug}/");
        Assert.Null(newest.QuerySelector(".paginav a[rel=prev]"));
    }

    [Fact]
    public async Task An_imported_post_says_nobody_reviewed_it()
    {
        var imported = await _site.ImportAsync(new PostBuilder());

        var disclosure = (await _site.PageAsync($"/posts/{imported.Slug}/")).QuerySelector("aside.disclosure")!;

        Assert.Contains("Not reviewed", disclosure.TextContent, StringComparison.Ordinal);
        Assert.Contains("without an editor", disclosure.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("approved", disclosure.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_engines_and_social_cards_get_canonical_url_description_and_article_data()
    {
        var post = await _site.PublishAsync(new PostBuilder());

        var page = await _site.PageAsync($"/posts/{post.Slug}/");

        var canonical = $"http://localhost/posts/{post.Slug}/";
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        var description = page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
        Assert.StartsWith("Why mamba disappeared? · Sparse attention at 1M tokens", description, StringComparison.Ordinal);
        Assert.Equal(description, page.QuerySelector("meta[name='twitter:description']")!.GetAttribute("content"));
        Assert.Equal("[Daily Automated AI Summary] | Daily AI Digest", page.Title);
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/rss+xml'][href='/index.xml']"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/atom.xml']"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/feed+json'][href='/feed.json']"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var article = json.RootElement;
        Assert.Equal("BlogPosting", article.GetProperty("@type").GetString());
        Assert.Equal("[Daily Automated AI Summary]", article.GetProperty("headline").GetString());
        Assert.Equal(canonical, article.GetProperty("url").GetString());
        Assert.Equal("Blog Agent", article.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(post.PublishedAt!.Value, article.GetProperty("datePublished").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(post.WordCount, article.GetProperty("wordCount").GetInt32());
    }

    [Fact]
    public async Task The_page_has_landmarks_headings_in_order_and_no_blazor_script()
    {
        var post = await _site.PublishAsync(new PostBuilder());

        var response = await _site.Client.GetAsync($"/posts/{post.Slug}/");
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("main#main"));
        Assert.NotNull(page.QuerySelector("header nav[aria-label=Site]"));
        Assert.NotNull(page.QuerySelector("body > footer"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.Single(levels, l => l == 1);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"heading h{pair.Second} follows h{pair.First}"));
        Assert.All(page.Images, img => Assert.True(img.HasAttribute("alt")));
        // Static pages: no Blazor script, no circuit, nothing that sets a cookie.
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        // The theme toggle needs JavaScript, so without it there is no toggle to press.
        Assert.True(page.GetElementById("theme-toggle")!.HasAttribute("hidden"));
    }

    private static List<IElement> SourcesOf(IElement topic) =>
        [.. topic.QuerySelectorAll("li").Where(li => li.TextContent.TrimStart().StartsWith("Sources:", StringComparison.Ordinal)).SelectMany(li => li.QuerySelectorAll("a"))];
}
