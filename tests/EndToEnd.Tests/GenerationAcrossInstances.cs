using System.Diagnostics;
using Digest.Domain.Generation;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Jobs;
using Digest.TestSupport.FakeModelServer;
using Digest.TestSupport.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Today's generation on two instances with a job server each: however many triggers arrive, one run holds the edition
/// (ADR 0028) and spends, the others stop before any model call; when the instance holding it dies, the other fails
/// the dead run and runs the day again. Each scenario needs today's edition to itself, so each fixture runs one.
/// </summary>
internal sealed class GenerationAcrossInstances(TwoInstances instances, Func<Uri, Task<IPage>> signIn)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task OneDraftFromThreeTriggersAsync()
    {
        // Slow enough that the three jobs overlap: both servers poll every second, the run takes several seconds.
        instances.ModelServer.DefaultReply = request => SchemaAnswer.For(request).After(TimeSpan.FromMilliseconds(400));
        var onA = await TodayAsync(instances.A.Address);
        var onB = await TodayAsync(instances.B.Address);

        await Task.WhenAll(onA.ClickAsync("#generate"), onB.ClickAsync("#generate"));
        JobQueue.Trigger(instances.Database.Options.ConnectionString, GenerateDailyDigestJob.RecurringJobId);

        var runs = await WaitForAsync(async () =>
        {
            var all = await RunsAsync();
            return all.Count == 3 && all.All(r => r.Status != RunStatus.Running) ? all : null;
        }, "three finished runs (two dashboards and the schedule)");

        var written = Assert.Single(runs, r => r.Status == RunStatus.Succeeded);
        var stopped = runs.Where(r => r.Id != written.Id).ToList();
        Assert.All(stopped, r =>
        {
            Assert.Equal(RunStatus.Skipped, r.Status);
            Assert.Equal(0, r.ModelCalls);
        });
        Assert.Equal(2, runs.Count(r => r.Trigger.StartsWith("dashboard", StringComparison.Ordinal)));
        Assert.Single(runs, r => r.Trigger == "schedule");
        Assert.Equal(1, await DraftsAsync(written.EditionDate));
        // One run's worth at the model server: exactly the calls the winning run records, none from the others.
        Assert.True(written.ModelCalls > 0, "the winning run called the model");
        Assert.Equal(written.ModelCalls, instances.ModelServer.Requests.Count);
        // Both dashboards say how their click ended.
        await Expect(onA.Locator(".progress[role=status]")).Not.ToContainTextAsync("Queued", new() { Timeout = 10_000 });
        await Expect(onB.Locator(".progress[role=status]")).Not.ToContainTextAsync("Queued", new() { Timeout = 10_000 });
    }

    public async Task KilledHolderIsRecoveredByTheOtherAsync()
    {
        // The holder is stuck in a model call when it dies.
        instances.ModelServer.DefaultReply = request => SchemaAnswer.For(request).After(TimeSpan.FromMinutes(10));
        JobQueue.Trigger(instances.Database.Options.ConnectionString, GenerateDailyDigestJob.RecurringJobId);
        var holding = await WaitForAsync(async () =>
            instances.ModelServer.Requests.Count > 0 && (await RunsAsync()).SingleOrDefault(r => r.Status == RunStatus.Running) is { } run ? run : null,
            "a run to hold the edition and call the model");
        var holder = new[] { instances.A, instances.B }.Single(i => holding.Owner!.Contains($"/{i.ProcessId}/", StringComparison.Ordinal));
        var survivor = holder == instances.A ? instances.B : instances.A;

        try
        {
            holder.Kill();
            instances.ModelServer.DefaultReply = SchemaAnswer.For;

            var runs = await WaitForAsync(async () =>
            {
                var all = await RunsAsync();
                return all.Any(r => r.Status == RunStatus.Succeeded) && all.All(r => r.Status != RunStatus.Running) ? all : null;
            }, $"{survivor.Name} to recover the run {holder.Name} died holding");

            var killed = Assert.Single(runs, r => r.Id == holding.Id);
            Assert.Equal(RunStatus.Failed, killed.Status);
            Assert.Contains("stopped without finishing", killed.Message, StringComparison.Ordinal);
            var retry = Assert.Single(runs, r => r.Status == RunStatus.Succeeded);
            Assert.StartsWith(RunRecovery.RecoveryTrigger, retry.Trigger, StringComparison.Ordinal);
            Assert.Contains($"/{survivor.ProcessId}/", retry.Owner, StringComparison.Ordinal);
            Assert.Equal(1, await DraftsAsync(killed.EditionDate));
        }
        finally
        {
            // The other tests of the class use both instances.
            await holder.RestartAsync();
        }
    }

    private async Task<IPage> TodayAsync(Uri instance)
    {
        var page = await signIn(instance);
        await page.Locator("[data-interactive=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    private Task<List<GenerationRun>> RunsAsync() =>
        instances.WithDbAsync(db => db.GenerationRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync());

    private Task<int> DraftsAsync(DateOnly edition) =>
        instances.WithDbAsync(db => db.Posts.CountAsync(p => p.EditionDate == edition));

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
    }
}
