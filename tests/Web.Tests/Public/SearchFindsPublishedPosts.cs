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

    private static async Task<List<string>> ResultsAsync(PublicSite site, string query)
    {
        var html = await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString(query));
        return [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("article.post-entry h2 a").Select(a => a.GetAttribute("href")!)];
    }
}
