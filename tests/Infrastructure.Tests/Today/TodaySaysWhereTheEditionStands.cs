using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Today;
using Digest.Infrastructure.Writing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Today;

/// <summary>The Today screen's facts, read from the database on both providers, in the site's time zone.</summary>
public sealed class TodaySaysWhereTheEditionStands
{
    // 10:00 in Berlin: today's 05:30 run is behind us, tomorrow's ahead.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Edition = new(2026, 11, 26);

    private static async Task<(TestDatabase, ServiceProvider, FakeTimeProvider)> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Llm:Provider"] = "OpenAI",
            ["Digest:Llm:Model"] = "gpt-4o-mini",
            ["Digest:Llm:Currency"] = "eur",
        }).Build();
        var services = database.BuildServices(s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(ModelStatus.From(configuration))
            .AddQualityGate(configuration)
            .AddScoped<TodayReport>());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.SingleAsync();
        settings.TimeZone = "Europe/Berlin";
        settings.ScheduleCron = "30 5 * * *";
        await db.SaveChangesAsync();
        return (database, services, clock);
    }

    private static async Task<TodayOverview> ReadAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TodayReport>().ReadAsync();
    }

    private static async Task ChangeAsync(ServiceProvider services, Func<DigestDbContext, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_edition_goes_from_no_run_to_generating_failed_waiting_scheduled_and_published(DatabaseProvider provider)
    {
        var (database, services, _) = await StartAsync(provider);
        await using var _d = database;
        await using var _s = services;

        var fresh = await ReadAsync(services);
        Assert.Equal((Edition, EditionStage.NotStarted), (fresh.Edition.Edition, fresh.Edition.Stage));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 4, 30, 0, TimeSpan.Zero), fresh.NextRun!.At);
        Assert.Equal(("Europe/Berlin", new DateTime(2026, 11, 27, 5, 30, 0)), (fresh.NextRun.TimeZoneId, fresh.NextRun.Local));

        var run = GenerationRun.Start(Edition, "schedule", "gpt-4o-mini", Now.UtcDateTime.AddMinutes(-1));
        await ChangeAsync(services, db => { db.GenerationRuns.Add(run); return Task.CompletedTask; });
        Assert.Equal(EditionStage.Generating, (await ReadAsync(services)).Edition.Stage);

        await ChangeAsync(services, async db => (await db.GenerationRuns.SingleAsync(r => r.Id == run.Id)).Fail("No draft: nothing could be fetched.", Now.UtcDateTime));
        var failed = (await ReadAsync(services)).Edition;
        Assert.Equal((EditionStage.Failed, "No draft: nothing could be fetched."), (failed.Stage, failed.Run!.Message));

        var post = Post.CreateGeneratedDraft(Edition, "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", run.Id, Now.UtcDateTime);
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper.", null, "Costlier serving."))
            .AddSource(new SectionSource(null, "r/MachineLearning", "https://example.org/1", "most discussed"));
        await ChangeAsync(services, db => { db.Posts.Add(post); return Task.CompletedTask; });
        var waiting = (await ReadAsync(services)).Edition;
        Assert.Equal(EditionStage.DraftWaiting, waiting.Stage);
        Assert.Equal("Sparse attention at 1M tokens", waiting.Post!.LeadTopic);
        Assert.Contains("topic 1 has no Benefits", waiting.Findings);

        await ChangeAsync(services, async db => (await db.Posts.SingleAsync(p => p.Id == post.Id)).Schedule("editor", Now.UtcDateTime, Now.UtcDateTime.AddHours(2), "Benefits later"));
        var scheduled = (await ReadAsync(services)).Edition;
        Assert.Equal((EditionStage.Scheduled, Now.UtcDateTime.AddHours(2)), (scheduled.Stage, scheduled.Post!.ScheduledFor));
        Assert.Empty(scheduled.Findings);

        await ChangeAsync(services, async db => (await db.Posts.SingleAsync(p => p.Id == post.Id)).ApproveAndPublish("editor", Now.UtcDateTime, "Benefits later"));
        var published = (await ReadAsync(services)).Edition;
        Assert.Equal((EditionStage.Published, "editor"), (published.Stage, published.Post!.ReviewedBy));

        await ChangeAsync(services, async db => (await db.Posts.SingleAsync(p => p.Id == post.Id)).Unpublish("editor", Now.UtcDateTime));
        await ChangeAsync(services, async db => (await db.Posts.SingleAsync(p => p.Id == post.Id)).Reject("editor", Now.UtcDateTime, "Off topic today"));
        var rejected = (await ReadAsync(services)).Edition;
        Assert.Equal((EditionStage.Rejected, "Off topic today"), (rejected.Stage, rejected.Post!.RejectionReason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Usage_counts_this_months_paid_calls_in_the_sites_zone_with_its_currency(DatabaseProvider provider)
    {
        var (database, services, _) = await StartAsync(provider);
        await using var _d = database;
        await using var _s = services;
        ModelCallEntry Call(DateTime at, int prompt, int completion, decimal cost, bool cached = false) =>
            ModelCallEntry.Record(null, ModelCallPurpose.Regeneration, at, "Topic", "topic@v1", "gpt-4o-mini", prompt, completion, TimeSpan.FromSeconds(1), cost, cached, false, true);
        await ChangeAsync(services, db =>
        {
            db.Set<ModelCallEntry>().AddRange(
                Call(Now.UtcDateTime.AddDays(-3), 1_000, 200, 0.0125m),
                // 00:30 on the 1st in Berlin, still October in UTC: this month for the editor.
                Call(new DateTime(2026, 10, 31, 23, 30, 0, DateTimeKind.Utc), 500, 100, 0.0061m),
                Call(new DateTime(2026, 10, 31, 22, 30, 0, DateTimeKind.Utc), 9_000, 900, 1m),
                Call(Now.UtcDateTime.AddHours(-1), 1_000, 200, 0.0125m, cached: true));
            return Task.CompletedTask;
        });

        var usage = (await ReadAsync(services)).Usage;

        Assert.Equal((new DateOnly(2026, 11, 1), 1_800L, 0.0186m, 2, "EUR", true), (usage.Month, usage.Tokens, usage.EstimatedCost, usage.ModelCalls, usage.Currency, usage.ModelConfigured));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Failing_sources_and_drafts_waiting_since_yesterday_are_listed(DatabaseProvider provider)
    {
        var (database, services, _) = await StartAsync(provider);
        await using var _d = database;
        await using var _s = services;
        var broken = new Source("Broken blog", new Uri("https://broken.example/feed"), SourceKind.Rss);
        broken.RecordFailure(Now.UtcDateTime.AddMinutes(-10), "HTTP 500 Internal Server Error");
        var off = new Source("Switched off", new Uri("https://off.example/feed"), SourceKind.Rss);
        off.RecordFailure(Now.UtcDateTime.AddMinutes(-10), "HTTP 404");
        off.Disable();
        var old = Post.CreateGeneratedDraft(Edition.AddDays(-2), "[Daily Automated AI Summary]", "Digest", "offline", Guid.NewGuid(), Now.UtcDateTime.AddDays(-2));
        old.AddSection(new Section(SectionKind.Topic, "Mamba returns", "Text."));
        var fresh = Post.CreateDraft("written-this-morning", "Written this morning", Now.UtcDateTime, "Digest", PostOrigin.Manual, Now.UtcDateTime.AddHours(-3));
        await ChangeAsync(services, db =>
        {
            db.Sources.AddRange(broken, off);
            db.Posts.AddRange(old, fresh);
            return Task.CompletedTask;
        });

        var today = await ReadAsync(services);

        var failing = Assert.Single(today.FailingSources);
        Assert.Equal(("Broken blog", "HTTP 500 Internal Server Error"), (failing.Name, failing.Problem));
        var waiting = Assert.Single(today.OlderDrafts);
        Assert.Equal((old.Id, Edition.AddDays(-2), "Mamba returns"), (waiting.Id, waiting.Edition, waiting.LeadTopic));
    }
}
