using System.Net;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Discussions;
using Digest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Grounding;

/// <summary>The comment readers over HTTP (a local server answering with captured shapes), built as the app builds them.</summary>
public sealed class DiscussionsAreReadPolitelyAndWithinLimits : IAsyncLifetime
{
    private const string Thread = "https://www.reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit_mixtureofexperts_routing_collapse/";
    private const string Story = "https://news.ycombinator.com/item?id=41870004";
    private LocalHttpServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Serve("/r/MachineLearning/comments/1dmo002/.json", Json("reddit_comments_1dmo002.json"));
        foreach (var id in new[] { 41870004, 41870401, 41870402, 41870403, 41870404, 41870405 })
        {
            _server.Serve($"/v0/item/{id}.json", Json($"hn_item_{id}.json"));
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Reddit_gives_the_top_comments_by_score_with_their_scores_and_permalinks_and_skips_what_is_gone()
    {
        var reading = await Reader().ReadAsync(Thread, "r/MachineLearning", CancellationToken.None);

        Assert.Null(reading.Error);
        var comments = reading.Thread!.Comments;
        // AutoModerator (stickied), [deleted] and [removed] are skipped; the reply under a comment is not a top comment.
        Assert.Equal(["u/quant_skeptic", "u/reviewer_two", "u/prompt_goblin", "u/new_account"], comments.Select(c => c.Author));
        Assert.Equal([214, 88, 61, null], comments.Select(c => c.Score));
        Assert.Equal("Keeping the router in bf16 for the first 20% of training is basically a warm-up. Did you try a longer warm-up?", comments[0].Text);
        Assert.Equal("https://www.reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit_mixtureofexperts_routing_collapse/c00001/", comments[0].Permalink);
        Assert.Equal(Thread, reading.Thread.Url);
        var request = Assert.Single(_server.RequestsTo("/r/MachineLearning/comments/1dmo002/.json"));
        Assert.Contains("raw_json=1", request.QueryString, StringComparison.Ordinal);
        Assert.Contains("sort=top", request.QueryString, StringComparison.Ordinal);
        Assert.Contains("Digest/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hacker_News_keeps_its_ranking_order_reads_html_as_text_and_skips_deleted_and_dead()
    {
        var reading = await Reader().ReadAsync(Story, "Hacker News", CancellationToken.None);

        Assert.Null(reading.Error);
        var comments = reading.Thread!.Comments;
        Assert.Equal(["hwhacker", "mlops_dana", "latecomer"], comments.Select(c => c.Author));
        Assert.All(comments, c => Assert.Null(c.Score));
        Assert.Equal("Ternary weights are nice, but the real question is whether the kernels exist. Without a fast ternary matmul on x86 the energy numbers stay a paper result.", comments[0].Text);
        Assert.Contains("I'd like to know if it transfers to dense models.", comments[1].Text, StringComparison.Ordinal);
        // Markup is gone: no script, no link, only the words.
        Assert.Equal("Late to this, but the appendix answers most questions.", comments[2].Text);
        Assert.Equal("https://news.ycombinator.com/item?id=41870401", comments[0].Permalink);
        // The reply under the first comment is not read: only top-level comments.
        Assert.Empty(_server.RequestsTo("/v0/item/41870499.json"));
    }

    [Fact]
    public async Task The_count_and_size_caps_hold()
    {
        var reading = await Reader(s =>
        {
            s["Digest:Sources:Comments:MaxComments"] = "2";
            s["Digest:Sources:Comments:MaxCommentLength"] = "60";
        }).ReadAsync(Thread, "r/MachineLearning", CancellationToken.None);

        var comments = reading.Thread!.Comments;
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.True(c.Text.Length <= 60, c.Text));
        Assert.EndsWith("…", comments[0].Text, StringComparison.Ordinal);

        var budget = await Reader(s => s["Digest:Sources:Comments:MaxThreadLength"] = "150").ReadAsync(Thread, "r/MachineLearning", CancellationToken.None);
        Assert.True(budget.Thread!.Comments.Sum(c => c.Text.Length) <= 150);
        Assert.Single(budget.Thread.Comments);
    }

    [Fact]
    public async Task A_broken_or_unreachable_discussion_is_a_clear_error_not_an_exception()
    {
        _server.Serve("/r/MachineLearning/comments/bad001/.json", LocalResponse.Text("{\"kind\": \"Listing\", \"data\": {\"children\": \"no\"}}", "application/json"));
        _server.Serve("/r/MachineLearning/comments/gone01/.json", LocalResponse.Code(HttpStatusCode.NotFound));
        _server.Serve("/v0/item/1.json", LocalResponse.Text("null", "application/json"));
        var reader = Reader();

        var malformed = await reader.ReadAsync("https://www.reddit.com/r/MachineLearning/comments/bad001/x/", "r/MachineLearning", CancellationToken.None);
        var missing = await reader.ReadAsync("https://www.reddit.com/r/MachineLearning/comments/gone01/x/", "r/MachineLearning", CancellationToken.None);
        var noStory = await reader.ReadAsync("https://news.ycombinator.com/item?id=1", "Hacker News", CancellationToken.None);
        var tooBig = await Reader(s => s["Digest:Sources:MaxBodyBytes"] = "500").ReadAsync(Thread, "r/MachineLearning", CancellationToken.None);
        var notADiscussion = await reader.ReadAsync("https://example.org/blog/post", "Some blog", CancellationToken.None);

        Assert.Contains("unexpected shape", malformed.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", missing.Error, StringComparison.Ordinal);
        Assert.Contains("no such item", noStory.Error, StringComparison.Ordinal);
        Assert.Contains("larger than", tooBig.Error, StringComparison.Ordinal);
        Assert.Null(notADiscussion.Thread);
        Assert.Null(notADiscussion.Error);
    }

    [Fact]
    public async Task Private_addresses_are_refused_unless_allowed_like_any_source()
    {
        var reading = await Reader(s => s["Digest:Sources:AllowPrivateNetworks"] = "false").ReadAsync(Thread, "r/MachineLearning", CancellationToken.None);

        Assert.Null(reading.Thread);
        Assert.Contains("private", reading.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_server.Requests);
    }

    private IDiscussionReader Reader(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Sources:AllowPrivateNetworks"] = "true",
            ["Digest:Sources:Timeout"] = "10",
            ["Digest:Sources:Comments:RedditBase"] = _server.BaseAddress.ToString(),
            ["Digest:Sources:Comments:HackerNewsApi"] = _server.Url("/v0/").ToString(),
        };
        change?.Invoke(settings);
        var services = new ServiceCollection().AddLogging();
        services.AddSourceFetching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<IDiscussionReader>();
    }

    private static LocalResponse Json(string name) =>
        LocalResponse.File(Path.Combine(AppContext.BaseDirectory, "Grounding", "Fixtures", name), "application/json; charset=utf-8");
}
