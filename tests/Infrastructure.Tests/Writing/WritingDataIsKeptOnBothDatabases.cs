using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing.Cache;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class WritingDataIsKeptOnBothDatabases
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_ledger_row_and_a_run_with_notes_come_back_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var run = GenerationRun.Start(new DateOnly(2026, 11, 26), "test", "gpt-4o-mini", Now);
        run.RecordUsage(new RunUsage(1200, 300, 0.000360m, 3, 1, ["topic@v2", "trending@v1"], [new SectionNote(SectionKind.Topic, "Why mamba disappeared?", "not written: the daily token budget (5000) was reached")]));
        var row = ModelCallEntry.Record(run.Id, ModelCallPurpose.Generation, Now, "Topic \"Why mamba disappeared?\"", "topic@v2", "gpt-4o-mini", 1200, 300, TimeSpan.FromMilliseconds(1234.4), 0.000360m, false, true, true);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.GenerationRuns.Add(run);
            db.Set<ModelCallEntry>().Add(row);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var loaded = await db.Set<ModelCallEntry>().SingleAsync();
            Assert.Equal((run.Id, ModelCallPurpose.Generation, Now, DateTimeKind.Utc), (loaded.RunId, loaded.Purpose, loaded.At, loaded.At.Kind));
            Assert.Equal(("topic@v2", "gpt-4o-mini", 1500, 1234, 0.000360m), (loaded.Prompt, loaded.Model, loaded.TotalTokens, loaded.LatencyMs, loaded.EstimatedCost));
            Assert.Equal((false, true, true), (loaded.FromCache, loaded.IsRepair, loaded.Succeeded));
            var loadedRun = await db.GenerationRuns.SingleAsync();
            Assert.Equal((1500, 3, 1, "topic@v2, trending@v1"), (loadedRun.TotalTokens, loadedRun.ModelCalls, loadedRun.CachedAnswers, loadedRun.Prompts));
            Assert.Equal("not written: the daily token budget (5000) was reached", loadedRun.NoteOn(SectionKind.Topic, "Why mamba disappeared?"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_versions_of_a_prompt_with_one_number_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        db.Set<PromptVersion>().Add(PromptVersion.Create("topic", 2, "one {{source}}", "ada", Now));
        await db.SaveChangesAsync();

        db.Set<PromptVersion>().Add(PromptVersion.Create("topic", 2, "other {{source}}", "grace", Now));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_response_cache_keeps_the_first_answer_for_a_prompt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(s => s.AddSingleton(TimeProvider.System));
        var cache = new DatabaseModelResponseCache(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        var key = new string('a', 64);

        Assert.Null(await cache.GetAsync(key, CancellationToken.None));
        await cache.SetAsync(key, """{"summary":"first"}""", CancellationToken.None);
        await cache.SetAsync(key, """{"summary":"second"}""", CancellationToken.None);

        Assert.Equal("""{"summary":"first"}""", await cache.GetAsync(key, CancellationToken.None));
    }
}
