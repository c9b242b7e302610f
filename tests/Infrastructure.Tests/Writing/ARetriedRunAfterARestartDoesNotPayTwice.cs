using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class ARetriedRunAfterARestartDoesNotPayTwice
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_paid_for_before_the_restart_come_from_the_database(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var edition = DateOnly.FromDateTime(DateTime.UtcNow);
        int paid;
        await using (var before = DraftHost.Start(database, server))
        {
            var first = await before.GenerateAsync(edition);
            Assert.True(first.CreatedDraft, first.Describe());
            paid = server.Requests.Count;
            // The job died after the answers came back but before its draft was kept.
            await before.WithDbAsync(async db =>
            {
                await db.PostRevisions.ExecuteDeleteAsync();
                await db.Posts.ExecuteDeleteAsync();
                return await db.GenerationRuns.ExecuteDeleteAsync();
            });
        }

        await using var after = DraftHost.Start(database, server);
        var retried = await after.GenerateAsync(edition);

        Assert.True(retried.CreatedDraft, retried.Describe());
        Assert.Equal(paid, server.Requests.Count);
        Assert.Equal(0, retried.Run.ModelCalls);
        Assert.Equal(paid, retried.Run.CachedAnswers);
        Assert.Equal(0, retried.Run.TotalTokens);
        var cached = (await after.LedgerAsync()).Where(r => r.RunId == retried.Run.Id).ToList();
        Assert.Equal(paid, cached.Count);
        Assert.All(cached, r => Assert.True(r.FromCache));
        Assert.All(cached, r => Assert.Equal(0m, r.EstimatedCost));
    }
}
