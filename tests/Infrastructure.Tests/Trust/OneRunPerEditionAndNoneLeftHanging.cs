using System.Diagnostics;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Tests.Writing;
using Digest.Infrastructure.Writing;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Trust;

/// <summary>
/// A generation holds its edition in the database before it fetches or calls a model, so a second trigger (another
/// process or instance) spends nothing; a dead model ends the run at its deadline with a draft of what was written;
/// a run whose process died is failed with the reason and the day's generation retried once. On both databases.
/// </summary>
public sealed class OneRunPerEditionAndNoneLeftHanging
{
    private static Task<List<GenerationRun>> RunsAsync(DraftHost host) =>
        host.WithDbAsync(db => db.GenerationRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_instances_triggered_at_once_make_one_draft_and_the_loser_calls_no_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeModelServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(300);
        await using var first = DraftHost.Start(database, server);
        await using var second = DraftHost.Start(database, server);

        var results = await Task.WhenAll(first.GenerateAsync(), second.GenerateAsync());

        Assert.Single(results, r => r.CreatedDraft);
        var loser = Assert.Single(results, r => !r.CreatedDraft).Run;
        Assert.Equal(RunStatus.Skipped, loser.Status);
        Assert.True(loser.Message!.StartsWith("Another run is already writing the draft", StringComparison.Ordinal)
            || loser.Message.StartsWith("A draft for", StringComparison.Ordinal), loser.Message);
        Assert.Equal(0, loser.ModelCalls);
        var winner = results.Single(r => r.CreatedDraft).Run;
        var ledger = await first.LedgerAsync();
        Assert.All(ledger, call => Assert.Equal(winner.Id, call.RunId));
        Assert.Equal(ledger.Count, server.Requests.Count);
        Assert.Equal(1, await first.WithDbAsync(db => db.Posts.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_model_that_stops_answering_ends_the_run_at_its_deadline_with_a_draft_of_what_was_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeModelServer.StartAsync();
        var answered = 0;
        server.DefaultReply = request => Interlocked.Increment(ref answered) <= 2 ? SchemaAnswer.For(request) : SchemaAnswer.For(request).After(TimeSpan.FromMinutes(10));
        await using var host = DraftHost.Start(database, server, s =>
        {
            s["Digest:Generation:RunDeadline"] = "3";
            s["Digest:Llm:CallTimeout"] = "00:01:00";
            s["Digest:Llm:MaxRetries"] = "0";
        });

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.Contains("The run's deadline (3 s) passed before the model answered", result.Run.Message, StringComparison.Ordinal);
        Assert.Contains("left for the editor", result.Run.Message, StringComparison.Ordinal);
        var post = await host.WithDbAsync(db => db.Posts.Include(p => p.Sections).AsNoTracking().SingleAsync());
        Assert.Equal(2, post.Sections.Count(s => s.Kind != Domain.Posts.SectionKind.Notice && !string.IsNullOrWhiteSpace(s.Body)));
        // Two answers, the call that never came back, and nothing after the deadline.
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains(result.Run.SectionNotes, n => n.Note == "not written: the run's deadline passed");
    }

    [Fact]
    public async Task A_call_that_hangs_is_abandoned_after_the_call_timeout_and_the_rest_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await FakeModelServer.StartAsync();
        var first = 0;
        server.DefaultReply = request => Interlocked.Increment(ref first) == 1 ? SchemaAnswer.For(request).After(TimeSpan.FromMinutes(10)) : SchemaAnswer.For(request);
        await using var host = DraftHost.Start(database, server, s =>
        {
            s["Digest:Llm:CallTimeout"] = "00:00:01";
            s["Digest:Llm:MaxRetries"] = "0";
        });

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.Contains("did not answer within the call timeout of 1 s", result.Run.Message, StringComparison.Ordinal);
        Assert.Single(result.Run.SectionNotes, n => n.Note.Contains("call timeout", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_whose_process_died_is_failed_with_the_reason_and_the_day_is_retried_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server: null);
        var edition = await host.InScopeAsync(s => s.GetRequiredService<DraftGenerator>().TodaysEditionAsync(CancellationToken.None));
        var dead = await AddRunningRunAsync(host, edition, "schedule", DeadOwner());

        var recovered = await host.InScopeAsync(s => s.GetRequiredService<RunRecovery>().SweepAsync(CancellationToken.None));

        var only = Assert.Single(recovered);
        Assert.True(only.Retry);
        var failed = (await RunsAsync(host)).Single(r => r.Id == dead);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.StartsWith($"The process writing this run ({Environment.MachineName}, process ", failed.Message, StringComparison.Ordinal);
        Assert.Contains("stopped without finishing", failed.Message, StringComparison.Ordinal);
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<RunRecovery>().SweepAsync(CancellationToken.None)));

        // The retry dies too: it is failed, and not retried a second time.
        await AddRunningRunAsync(host, edition, $"{RunRecovery.RecoveryTrigger} after run x died", DeadOwner());
        var again = Assert.Single(await host.InScopeAsync(s => s.GetRequiredService<RunRecovery>().SweepAsync(CancellationToken.None)));
        Assert.False(again.Retry);
        Assert.Contains("not retried again", again.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await RunsAsync(host), r => r.Status == RunStatus.Running);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_silent_run_of_another_host_is_taken_for_dead_after_the_lease_timeout_and_the_edition_is_free(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server: null, s => s["Digest:Generation:LeaseTimeout"] = "60");
        var edition = await host.InScopeAsync(s => s.GetRequiredService<DraftGenerator>().TodaysEditionAsync(CancellationToken.None));
        var alive = await AddRunningRunAsync(host, edition, "schedule", RunOwner.Format("another-host", 42, 1), DateTime.UtcNow.AddSeconds(-10));

        var blocked = await host.GenerateAsync();
        Assert.Equal(RunStatus.Skipped, blocked.Run.Status);
        Assert.Contains("on another-host, process 42", blocked.Run.Message, StringComparison.Ordinal);

        await host.WithDbAsync(db => db.GenerationRuns.Where(r => r.Id == alive).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, DateTime.UtcNow.AddMinutes(-5))));
        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        var taken = (await RunsAsync(host)).Single(r => r.Id == alive);
        Assert.Equal(RunStatus.Failed, taken.Status);
        Assert.Contains("A new run took the edition.", taken.Message, StringComparison.Ordinal);
    }

    private static async Task<Guid> AddRunningRunAsync(DraftHost host, DateOnly edition, string trigger, string owner, DateTime? heartbeat = null) =>
        await host.WithDbAsync(async db =>
        {
            var run = GenerationRun.Start(edition, trigger, "offline", DateTime.UtcNow.AddMinutes(-1));
            run.OwnedBy(owner, null, heartbeat ?? DateTime.UtcNow);
            db.GenerationRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

    /// <summary>The owner name of a process of this host that has exited.</summary>
    private static string DeadOwner()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return RunOwner.Format(Environment.MachineName, process.Id, DateTime.UtcNow.Ticks);
    }
}
