using System.Net;
using AngleSharp.Html.Parser;
using Digest.Infrastructure.Data;
using Digest.TestSupport;

namespace Digest.Web.Tests.Public;

/// <summary>Full-text search on both databases: PostgreSQL's websearch_to_tsquery and SQLite's FTS5.</summary>
public sealed class SearchFindsPublishedPosts
{
    private static readonly PostBuilder Mamba = new()
    {
        Edition = new(2026, 1, 1),
        Topics = [new("Why mamba disappeared?", "State-space models stay cheap on long inputs.", "Transformers keep the benchmarks.", ("r/MachineLearning · 342 points · 57 comments", "https://www.reddit.com/r/MachineLearning/comments/1/"))],
    };

    private static readonly PostBuilder Robots = new()
    {
        Edition = new(2026, 1, 2),
        Tags = ["daily ai summary", "robotics"],
        Topics = [new("Video diffusion as world models for robots", "Robots learn manipulation in simulation.", "Simulated physics misleads the policy.", ("r/MachineLearning · 298 points · 47 comments", "https://www.reddit.com/r/MachineLearning/comments/2/"))],
    };

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_word_finds_the_posts_that_contain_it_and_drafts_stay_hidden(DatabaseProvider provider)
    {
        await using var site = await PublicSite.StartAsync(provider);
        var mamba = await site.PublishAsync(Mamba);
        var robots = await site.PublishAsync(Robots);
        await site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 3), Topics = [new("Mamba returns in a draft", "b", "r")] });

        Assert.Equal([$"/posts/{mamba.Slug}/"], await ResultsAsync(site, "mamba"));
        // Stemming: "manipulating" finds "manipulation"; tags are searched too.
        Assert.Equal([$"/posts/{robots.Slug}/"], await ResultsAsync(site, "manipulating"));
        Assert.Equal([$"/posts/{robots.Slug}/"], await ResultsAsync(site, "robotics"));
        Assert.Empty(await ResultsAsync(site, "nonexistentword"));
        // Every word must match.
        Assert.Equal([$"/posts/{mamba.Slug}/"], await ResultsAsync(site, "state models"));
        Assert.Empty(await ResultsAsync(site, "mamba robots"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quotes_operators_markup_and_ten_kilobytes_give_a_page_never_an_error(DatabaseProvider provider)
    {
        await using var site = await PublicSite.StartAsync(provider);
        await site.PublishAsync(Mamba);
        string[] queries =
        [
            "\"mamba", "mamba\"\"", "\"why mamba\"", "mamba AND OR NOT", "-mamba", "mamba*", "NEAR(mamba disappeared)", "title:mamba",
            "(mamba", "mamba)", "^mamba", "'; DROP TABLE posts; --", "<script>alert(1)</script>", "!!!", "&", "\0mamba", "   ",
            new string('x', 10_000), string.Join(' ', Enumerable.Repeat("mamba", 2_000)), "💥 mamba",
        ];

        foreach (var query in queries)
        {
            var response = await site.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {query[..Math.Min(40, query.Length)]}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        }

        Assert.NotEmpty(await ResultsAsync(site, "\"why mamba\""));
        Assert.NotEmpty(await ResultsAsync(site, "mamba\""));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Results_page_through_every_match_with_a_total_match_word_beginnings_and_are_marked(DatabaseProvider provider)
    {
        await using var site = await PublicSite.StartAsync(provider);
        for (var day = 1; day <= 12; day++)
        {
            await site.ImportAsync(new PostBuilder
            {
                Edition = new(2025, 3, day),
                Date = new DateTime(2025, 3, day, 5, 0, 0, DateTimeKind.Utc),
                Topics = [new($"Transformers at scale, part {day}", "Longer contexts for everyone.", "Costs grow with the square of length.", ("r/MachineLearning · 1 point · 0 comments", $"https://www.reddit.com/r/MachineLearning/comments/{day}/"))],
            });
        }

        var first = new HtmlParser().ParseDocument(await site.Client.GetStringAsync("/search?q=transf"));
        var second = new HtmlParser().ParseDocument(await site.Client.GetStringAsync("/search?q=transf&page=2"));

        Assert.Equal("12 posts found for “transf” · page 1 of 2", Flat(first.QuerySelector(".results-heading")!.TextContent));
        Assert.Equal(10, first.QuerySelectorAll("article.post-entry").Length);
        Assert.Equal(2, second.QuerySelectorAll("article.post-entry").Length);
        var all = first.QuerySelectorAll("article.post-entry h2 a").Concat(second.QuerySelectorAll("article.post-entry h2 a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(12, all.Distinct().Count());
        var byTitle = new HtmlParser().ParseDocument(await site.Client.GetStringAsync("/search?q=summ"));
        Assert.Equal("Summary", byTitle.QuerySelector("article.post-entry h2 mark")!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".entry-excerpt mark"), m => m.TextContent == "Transformers");
        Assert.Equal("/search/?q=transf&page=2", first.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href"));
        Assert.StartsWith("12 posts found for “transformer”", Flat(new HtmlParser().ParseDocument(await site.Client.GetStringAsync("/search?q=transformer")).QuerySelector(".results-heading")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_without_a_query_offers_the_form()
    {
        await using var site = await PublicSite.StartAsync();

        var page = await site.PageAsync("/search/");

        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("search-input", form.QuerySelector("label")!.GetAttribute("for"));
        Assert.Null(page.QuerySelector(".results-heading"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static async Task<List<string>> ResultsAsync(PublicSite site, string query)
    {
        var html = await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString(query));
        return [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("article.post-entry h2 a").Select(a => a.GetAttribute("href")!)];
    }
}
