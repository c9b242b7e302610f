using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.Infrastructure.Newsletter.Subscribing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class UnpublishingStopsWhatIsLeft
{
    private static readonly string[] Readers = ["ada@example.com", "bob@example.com", "cy@example.com", "dee@example.com", "eve@example.com"];

    [Fact]
    public async Task A_post_unpublished_while_sending_stops_the_rest_and_publishing_it_again_sends_only_those()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Smtp.OnRecipient = async r =>
        {
            if (r.Index == 1)
            {
                held.SetResult();
                await release.Task;
            }
        };

        var sending = host.SendAsync(mailing.Id);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().UnpublishAsync(post.Id, "Ada Editor"));
        release.SetResult();

        Assert.Equal(MailingRun.Stopped, await sending);
        Assert.Equal(2, host.Smtp.Messages.Count);
        var stopped = await host.MailingForAsync(post.Id);
        Assert.Equal(MailingStatus.Stopped, stopped.Status);
        Assert.Contains("unpublished", stopped.Note, StringComparison.Ordinal);
        Assert.Equal(3, (await host.DeliveriesAsync(mailing.Id)).Count(d => d.Status == DeliveryStatus.Stopped));

        host.Smtp.OnRecipient = null;
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Ada Editor", "test posts reuse topics"));
        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.All(Readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
    }

    [Fact]
    public async Task A_reader_who_unsubscribes_while_the_mailing_runs_is_not_sent_it()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, s => s["Digest:Newsletter:BatchSize"] = "100");
        var subscribers = await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        var eve = subscribers.Single(s => s.Email == "eve@example.com");
        host.Smtp.OnRecipient = async r =>
        {
            if (r.Index == 0)
            {
                // Eve follows the link in an older email while the batch she is in is being sent.
                await host.InScopeAsync(s => s.GetRequiredService<Subscriptions>().UnsubscribeAsync(eve.UnsubscribeToken));
            }
        };

        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.Equal(0, host.Smtp.CountFor("eve@example.com"));
        var delivery = (await host.DeliveriesAsync(mailing.Id)).Single(d => d.Email == "eve@example.com");
        Assert.Equal(DeliveryStatus.Cancelled, delivery.Status);
        Assert.Contains("unsubscribed", delivery.Error, StringComparison.Ordinal);
    }
}
