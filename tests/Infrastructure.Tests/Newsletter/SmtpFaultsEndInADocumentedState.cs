using System.Net;
using System.Net.Sockets;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using SmtpServer.Protocol;

namespace Digest.Infrastructure.Tests.Newsletter;

/// <summary>
/// What each SMTP fault leaves behind, as docs/decisions/0019 lists it, and that nobody is skipped or emailed twice once
/// the server works again.
/// </summary>
public sealed class SmtpFaultsEndInADocumentedState
{
    private static readonly string[] Readers = ["ada@example.com", "bob@example.com", "cy@example.com", "dee@example.com", "eve@example.com"];

    [Fact]
    public async Task A_server_that_is_down_when_sending_starts_pauses_the_mailing_until_it_is_back()
    {
        var closedPort = FreePort();
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, smtpPort: closedPort);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);

        Assert.Equal(MailingRun.Waiting, await host.SendAsync(mailing.Id));
        var waiting = await host.MailingForAsync(post.Id);
        Assert.Equal(MailingStatus.Sending, waiting.Status);
        Assert.Contains("connection refused", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.RetryAt);
        Assert.All(await host.DeliveriesAsync(mailing.Id), d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));

        // Down a second time: it waits longer.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(mailing.Id);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), (await host.MailingForAsync(post.Id)).RetryAt);
    }

    [Fact]
    public async Task Answering_421_mid_batch_pauses_the_mailing_and_the_rest_go_out_later_exactly_once()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        host.Smtp.OnRecipient = r => r.Index == 2 ? throw LocalSmtpServer.Reply(421, "4.3.2 too busy, come back later", close: true) : Task.CompletedTask;

        Assert.Equal(MailingRun.Waiting, await host.SendAsync(mailing.Id));
        Assert.Equal(2, host.Smtp.Messages.Count);
        var paused = await host.MailingForAsync(post.Id);
        Assert.StartsWith("421", paused.LastError, StringComparison.Ordinal);
        Assert.True(paused.RetryAt > host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(MailingRun.Waiting, await host.SendAsync(mailing.Id));
        Assert.Equal(2, host.Smtp.Messages.Count);

        host.Smtp.OnRecipient = null;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.All(Readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
    }

    [Fact]
    public async Task A_450_for_one_reader_is_retried_with_back_off_while_the_others_are_sent()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        host.Smtp.OnRecipient = r => r.Address == "cy@example.com" ? throw LocalSmtpServer.Reply(450, "4.2.1 mailbox busy") : Task.CompletedTask;

        Assert.Equal(MailingRun.Waiting, await host.SendAsync(mailing.Id));
        var cy = (await host.DeliveriesAsync(mailing.Id)).Single(d => d.Email == "cy@example.com");
        Assert.Equal(DeliveryStatus.Pending, cy.Status);
        Assert.StartsWith("450", cy.Error, StringComparison.Ordinal);
        Assert.Equal(4, host.Smtp.Messages.Count);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), (await host.MailingForAsync(post.Id)).RetryAt);

        // Still busy: the next wait doubles.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(MailingRun.Waiting, await host.SendAsync(mailing.Id));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), (await host.MailingForAsync(post.Id)).RetryAt);

        host.Smtp.OnRecipient = null;
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.All(Readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
    }

    [Fact]
    public async Task A_450_that_never_ends_fails_the_delivery_after_the_last_attempt()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, s => s["Digest:Newsletter:MaxAttempts"] = "2");
        await host.SubscribeAsync("ada@example.com");
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        host.Smtp.OnRecipient = _ => throw LocalSmtpServer.Reply(452, "4.2.2 mailbox full");

        await host.SendAsync(mailing.Id);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        var ada = Assert.Single(await host.DeliveriesAsync(mailing.Id));
        Assert.Equal(DeliveryStatus.Failed, ada.Status);
        Assert.Contains("gave up after 2 tries", ada.Error, StringComparison.Ordinal);
        Assert.Contains("452", ada.Error, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await host.SubscriberAsync("ada@example.com")).Status);
    }

    [Fact]
    public async Task A_550_fails_the_delivery_with_the_reason_and_bounces_the_address_after_the_configured_count()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, s => s["Digest:Newsletter:BounceAfter"] = "2");
        await host.SubscribeAsync(Readers);
        host.Smtp.OnRecipient = r => r.Address == "bob@example.com" ? throw LocalSmtpServer.Reply(550, "5.1.1 no such user") : Task.CompletedTask;

        var first = await host.PublishAsync(new DateOnly(2026, 11, 25));
        Assert.Equal(MailingRun.Finished, await host.SendPostAsync(first.Id));
        var bob = (await host.DeliveriesAsync((await host.MailingForAsync(first.Id)).Id)).Single(d => d.Email == "bob@example.com");
        Assert.Equal(DeliveryStatus.Failed, bob.Status);
        Assert.Contains("550", bob.Error, StringComparison.Ordinal);
        Assert.Contains("no such user", bob.Error, StringComparison.Ordinal);
        Assert.Equal((SubscriberStatus.Active, 1), await StateAsync(host, "bob@example.com"));

        var second = await host.PublishAsync(new DateOnly(2026, 11, 26));
        await host.SendPostAsync(second.Id);
        Assert.Equal((SubscriberStatus.Bounced, 2), await StateAsync(host, "bob@example.com"));

        var third = await host.PublishAsync(new DateOnly(2026, 11, 27));
        await host.SendPostAsync(third.Id);
        Assert.Equal(0, host.Smtp.CountFor("bob@example.com"));
        Assert.Equal(3, host.Smtp.CountFor("ada@example.com"));
        Assert.DoesNotContain((await host.DeliveriesAsync((await host.MailingForAsync(third.Id)).Id)), d => d.Email == "bob@example.com");
    }

    [Fact]
    public async Task A_refused_message_fails_without_counting_against_the_reader()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, s => s["Digest:Newsletter:BounceAfter"] = "1");
        await host.SubscribeAsync("ada@example.com");
        host.Smtp.OnMessage = _ => new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 message content rejected");
        var post = await host.PublishAsync();

        Assert.Equal(MailingRun.Finished, await host.SendPostAsync(post.Id));
        var ada = Assert.Single(await host.DeliveriesAsync((await host.MailingForAsync(post.Id)).Id));
        Assert.Equal(DeliveryStatus.Failed, ada.Status);
        Assert.Contains("content rejected", ada.Error, StringComparison.Ordinal);
        Assert.Equal((SubscriberStatus.Active, 0), await StateAsync(host, "ada@example.com"));
    }

    [Fact]
    public async Task A_connection_dropped_mid_batch_is_opened_again_and_nobody_is_skipped_or_sent_twice()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        host.Smtp.OnRecipient = r => r.Index is 1 or 3 ? throw LocalSmtpServer.Drop() : Task.CompletedTask;

        Assert.Equal(MailingRun.Finished, await host.SendPostAsync(post.Id));
        Assert.All(Readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
        Assert.Equal(5, host.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_counts_as_a_broken_connection_and_the_message_is_sent_again_once()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        // The client waits 2 s (Digest:Email:Smtp:Timeout in the test host); the server takes 4 s over one recipient.
        host.Smtp.OnRecipient = r => r.Index == 1 ? Task.Delay(TimeSpan.FromSeconds(4)) : Task.CompletedTask;

        Assert.Equal(MailingRun.Finished, await host.SendPostAsync(post.Id));
        Assert.All(Readers, r => Assert.Equal(1, host.Smtp.CountFor(r)));
        var deliveries = await host.DeliveriesAsync((await host.MailingForAsync(post.Id)).Id);
        Assert.Equal(2, deliveries.Single(d => d.Email == Readers[1]).Attempts);
    }

    [Fact]
    public async Task A_connection_that_keeps_breaking_pauses_the_mailing()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(Readers);
        var post = await host.PublishAsync();
        host.Smtp.OnRecipient = _ => throw LocalSmtpServer.Drop();

        Assert.Equal(MailingRun.Waiting, await host.SendPostAsync(post.Id));
        var paused = await host.MailingForAsync(post.Id);
        Assert.NotNull(paused.RetryAt);
        Assert.NotNull(paused.LastError);
        Assert.Empty(host.Smtp.Messages);
        Assert.All(await host.DeliveriesAsync(paused.Id), d => Assert.Equal(DeliveryStatus.Pending, d.Status));
    }

    private static async Task<(SubscriberStatus, int)> StateAsync(NewsletterHost host, string email)
    {
        var subscriber = await host.SubscriberAsync(email);
        return (subscriber.Status, subscriber.PermanentFailures);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
