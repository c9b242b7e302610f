using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Jobs;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests;

/// <summary>The walking skeleton end to end: feeds on 127.0.0.1 → draft → edit → approve → public page and RSS.</summary>
public sealed class GenerateReviewPublishTests
{
    private static readonly (string, string, string)[] MachineLearning =
    [
        ("Why mamba disappeared?", "/r/ml/comments/1/", "State-space models were everywhere last year; where did Mamba go?"),
        ("[R] Sparse attention at 1M tokens", "/r/ml/comments/2/", "A new paper shows sparse attention scaling to a million tokens."),
        ("[D] Are benchmarks saturated?", "/r/ml/comments/3/", "Most leaderboards are within noise of each other."),
    ];

    private static readonly (string, string, string)[] News =
    [
        ("NVIDIA introduces Flextron", "/news/flextron", "A flexible model architecture."),
        ("Hugging Face releases SmolLM", "/news/smollm", "Small models for devices."),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_draft_from_local_feeds_is_edited_approved_and_served_on_the_page_and_in_rss(DatabaseProvider provider)
    {
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/ml.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/MachineLearning", DigestAppFactory.Start, MachineLearning)));
        feeds.Serve("/news.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/machinelearningnews", DigestAppFactory.Start, News)));
        feeds.Serve("/broken", LocalResponse.Text("<html><body>Moved</body></html>", "text/html"));
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await SampleFeeds.UseOnlyAsync(app,
            SampleFeeds.Feed(feeds, "r/MachineLearning", "/ml.rss", SourceRole.Topics),
            SampleFeeds.Feed(feeds, "r/machinelearningnews", "/news.rss", SourceRole.Trending),
            SampleFeeds.Feed(feeds, "Broken", "/broken"));
        Assert.DoesNotContain("Why mamba disappeared?", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var result = await app.WithScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(null, "test", CancellationToken.None));

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.Contains("1 of 3 sources failed", result.Run.Message, StringComparison.Ordinal);
        Assert.Contains(result.Run.SourceOutcomes, o => o.SourceName == "Broken" && !o.Succeeded && o.Error!.Contains("HTML", StringComparison.OrdinalIgnoreCase));
        var draft = await app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        Assert.Equal(PostStatus.Draft, draft.Status);
        Assert.Equal(result.Run.EditionDate, draft.EditionDate);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), draft.EditionDate);
        var topics = draft.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        Assert.Equal(3, topics.Count);
        Assert.All(topics, t => Assert.StartsWith("https://example.org/r/ml/comments/", t.Sources.Single().Url, StringComparison.Ordinal));
        Assert.Equal(["Hugging Face releases SmolLM", "NVIDIA introduces Flextron"], draft.Sections.Where(s => s.Kind == SectionKind.Trending).Select(s => s.Heading).Order());
        Assert.Contains("Not yet written", string.Join(" ", draft.Problems()).Replace("has no Benefits", "Not yet written", StringComparison.Ordinal), StringComparison.Ordinal);

        // The offline writer quoted each topic's source and marked it as not summarised: the gate names each one.
        Assert.All(Enumerable.Range(1, 3), n => Assert.Contains(draft.Problems(), p => p.StartsWith($"topic {n}: the summary is the writer's quote of r/MachineLearning", StringComparison.Ordinal)));

        // The editor writes what the offline writer left open, changes the title, and approves.
        var edits = topics.Select(t => new SectionEdit(t.Id, t.Text with { Body = $"What people said about {t.Heading}.", Benefits = $"Benefit of {t.Heading}.", Ramifications = $"Risk of {t.Heading}." })).ToList();
        var published = await app.WithScopeAsync(async s =>
        {
            var editor = s.GetRequiredService<PostEditor>();
            var saved = await editor.SaveAsync(new PostEdit(draft.Id, draft.Version, "Daily AI digest: Mamba, sparse attention", edits), "editor@example.com");
            return await editor.ApproveAndPublishAsync(saved.Id, "editor@example.com");
        });

        var page = await client.GetAsync($"/posts/{published.Slug}/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Equal("Daily AI digest: Mamba, sparse attention", html.QuerySelector("h1")!.TextContent.Trim());
        var content = html.QuerySelector(".post-content")!;
        Assert.Contains("Benefit of Why mamba disappeared?", content.TextContent, StringComparison.Ordinal);
        Assert.NotNull(content.QuerySelector("a[href='https://example.org/r/ml/comments/1/']"));
        Assert.Contains("reviewed and approved by an editor", html.QuerySelector(".disclosure")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(published.Slug, await client.GetStringAsync("/"), StringComparison.Ordinal);

        var rss = await client.GetAsync("/index.xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await rss.Content.ReadAsStreamAsync());
        var item = Assert.Single(SyndicationFeed.Load(reader).Items);
        Assert.Equal("Daily AI digest: Mamba, sparse attention", item.Title.Text);
        Assert.Equal(published.FeedId, item.Id);
        // RFC 1123 dates carry whole seconds.
        Assert.Equal(published.PublishedAt!.Value.AddTicks(-(published.PublishedAt.Value.Ticks % TimeSpan.TicksPerSecond)), item.PublishDate.UtcDateTime);
        Assert.Contains("Risk of [R] Sparse attention at 1M tokens", item.ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_daily_job_twice_for_an_edition_makes_one_draft()
    {
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/ml.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/MachineLearning", DigestAppFactory.Start, MachineLearning)));
        await using var app = await DigestAppFactory.CreateAsync();
        await SampleFeeds.UseOnlyAsync(app, SampleFeeds.Feed(feeds, "r/MachineLearning", "/ml.rss"));

        await app.WithScopeAsync(s => s.GetRequiredService<GenerateDailyDigestJob>().RunAsync("schedule", CancellationToken.None));
        await app.WithScopeAsync(s => s.GetRequiredService<GenerateDailyDigestJob>().RunAsync("schedule", CancellationToken.None));

        var (posts, runs) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            return (await db.Posts.CountAsync(), await db.GenerationRuns.OrderBy(r => r.StartedAt).ToListAsync());
        });
        Assert.Equal(1, posts);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Skipped], runs.Select(r => r.Status));
        Assert.Contains("already exists", runs[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_runs_for_one_edition_leave_exactly_one_draft()
    {
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/ml.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/MachineLearning", DigestAppFactory.Start, MachineLearning)) with { Delay = TimeSpan.FromMilliseconds(300) });
        await using var app = await DigestAppFactory.CreateAsync(DatabaseProvider.Postgres);
        await SampleFeeds.UseOnlyAsync(app, SampleFeeds.Feed(feeds, "r/MachineLearning", "/ml.rss"));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            app.WithScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(null, "race", CancellationToken.None))));

        Assert.Single(results, r => r.CreatedDraft);
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.CountAsync()));
    }

    [Fact]
    public async Task When_no_source_can_be_fetched_the_run_fails_and_no_empty_draft_is_made()
    {
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/malformed", LocalResponse.Text("<rss><channel><item><title>unclosed", "application/rss+xml"));
        feeds.Serve("/down", LocalResponse.Code(HttpStatusCode.ServiceUnavailable));
        await using var app = await DigestAppFactory.CreateAsync();
        await SampleFeeds.UseOnlyAsync(app, SampleFeeds.Feed(feeds, "Malformed", "/malformed"), SampleFeeds.Feed(feeds, "Down", "/down"));

        var result = await app.WithScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(null, "test", CancellationToken.None));

        Assert.Equal(RunStatus.Failed, result.Run.Status);
        Assert.StartsWith("No draft: nothing could be fetched.", result.Run.Message, StringComparison.Ordinal);
        Assert.Contains("Malformed:", result.Run.Message, StringComparison.Ordinal);
        Assert.Contains("Down:", result.Run.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.CountAsync()));
        var sources = await app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Sources.ToListAsync());
        Assert.All(sources, source => Assert.Equal(1, source.ConsecutiveFailures));
    }
}
