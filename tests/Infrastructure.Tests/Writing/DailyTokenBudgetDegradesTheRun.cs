using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class DailyTokenBudgetDegradesTheRun
{
    private const int Budget = 12_000;
    private const string Fallback = "llama3.1:8b";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_that_reaches_the_daily_budget_writes_fewer_sections_and_says_so_on_the_draft(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => SchemaAnswer.For(request) with { PromptTokens = 700, CompletionTokens = 200 };
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server, s =>
        {
            s["Digest:Llm:DailyTokenBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Digest:Llm:MaxOutputTokens"] = "600";
        });
        await SpentEarlierTodayAsync(host, WriterHost.Model, 9_000);

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.Contains($"The daily token budget ({Budget:N0} tokens per model) was reached", result.Run.Message, StringComparison.Ordinal);
        var ledger = await host.LedgerAsync();
        Assert.InRange(ledger.Where(r => r.Model == WriterHost.Model).Sum(r => r.TotalTokens), 9_001, Budget);
        Assert.NotEmpty(server.Requests);

        var (post, problems) = await DraftAndProblemsAsync(host, result.PostSlug!);
        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        Assert.Equal(5, topics.Count);
        Assert.All(topics, t => Assert.NotEmpty(t.Sources));
        var unwritten = post.Sections.Where(s => s.Kind is SectionKind.Topic or SectionKind.Trending && s.Body is null).ToList();
        Assert.NotEmpty(unwritten);
        Assert.Contains(problems, p => p.Contains($"not written: the daily token budget ({Budget}) was reached", StringComparison.Ordinal));
        Assert.Contains(result.Run.SectionNotes, n => n.Note.Contains("daily token budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_fallback_model_configured_the_rest_is_written_by_it_and_the_run_says_so()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, server, s =>
        {
            s["Digest:Llm:DailyTokenBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Digest:Llm:FallbackModel"] = Fallback;
        });
        await SpentEarlierTodayAsync(host, WriterHost.Model, Budget);

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.Equal(Fallback, r.Model));
        Assert.Contains($"written by the fallback model {Fallback} because a token budget of {WriterHost.Model} was reached", result.Run.Message, StringComparison.Ordinal);
        Assert.All((await host.LedgerAsync()).Where(r => r.RunId == result.Run.Id), r => Assert.Equal(Fallback, r.Model));
        var (post, problems) = await DraftAndProblemsAsync(host, result.PostSlug!);
        Assert.All(post.Sections.Where(s => s.Kind == SectionKind.Topic), t => Assert.NotNull(t.Benefits));
        Assert.DoesNotContain(problems, p => p.Contains("not written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_from_yesterday_in_the_schedules_time_zone_do_not_count()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 23:30 UTC on 5 February is already 6 February in Berlin, which began at 23:00 UTC.
        Assert.Equal(new DateTime(2025, 2, 5, 23, 0, 0, DateTimeKind.Utc), DatabaseModelCallJournal.StartOfDay(new DateTimeOffset(2025, 2, 5, 23, 30, 0, TimeSpan.Zero), berlin));
        Assert.Equal(new DateTime(2025, 7, 4, 22, 0, 0, DateTimeKind.Utc), DatabaseModelCallJournal.StartOfDay(new DateTimeOffset(2025, 7, 5, 12, 0, 0, TimeSpan.Zero), berlin));
        Assert.Equal(new DateTime(2025, 7, 5, 0, 0, 0, DateTimeKind.Utc), DatabaseModelCallJournal.StartOfDay(new DateTimeOffset(2025, 7, 5, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    private static Task<int> SpentEarlierTodayAsync(DraftHost host, string model, int tokens) =>
        host.WithDbAsync(db =>
        {
            db.Set<ModelCallEntry>().Add(ModelCallEntry.Record(Guid.NewGuid(), ModelCallPurpose.Generation, DateTime.UtcNow, "Topic \"earlier\"", "topic@v1", model, tokens - 1_000, 1_000, TimeSpan.FromSeconds(2), 0.01m, false, false, true));
            return db.SaveChangesAsync();
        });

    private static Task<(Post Post, IReadOnlyList<string> Problems)> DraftAndProblemsAsync(DraftHost host, string slug) =>
        host.InScopeAsync(async services =>
        {
            var post = await services.GetRequiredService<PostEditor>().FindAsync(slug);
            return (post, await services.GetRequiredService<QualityGate>().FindProblemsAsync(post));
        });
}
