using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class OneWorkerAtATime
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_workers_started_on_the_same_mailing_never_send_anyone_two_copies(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        var readers = Enumerable.Range(1, 12).Select(i => $"reader{i:00}@example.com").ToArray();
        await host.SubscribeAsync(readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        host.Smtp.OnRecipient = _ => Task.Delay(20);

        var runs = await Task.WhenAll(host.SendAsync(mailing.Id), host.SendAsync(mailing.Id), host.SendAsync(mailing.Id));

        Assert.Single(runs, r => r == MailingRun.Finished);
        Assert.Equal(2, runs.Count(r => r == MailingRun.Busy));
        Assert.All(readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
    }

    [Fact]
    public async Task A_worker_that_died_holding_the_mailing_is_taken_over_when_its_lease_runs_out()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com", "bob@example.com");
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        var until = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        await host.WithDbAsync(db => db.Set<Mailing>().Where(m => m.Id == mailing.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "dead-host/1/x").SetProperty(m => m.LeaseUntil, until)));

        Assert.Equal(MailingRun.Busy, await host.SendAsync(mailing.Id));
        host.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.Equal(2, host.Smtp.Messages.Count);
    }
}
