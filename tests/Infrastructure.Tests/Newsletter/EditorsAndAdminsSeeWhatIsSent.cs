using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

/// <summary>What the admin's Subscribers and Deliveries pages and the editor's email panel are built on.</summary>
public sealed class EditorsAndAdminsSeeWhatIsSent
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_delivery_report_counts_sent_failed_and_pending_with_the_servers_reasons_and_search_finds_part_of_an_address(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        await host.SubscribeAsync("ada@example.com", "bob@example.com", "cy@example.com", "dan_x@example.com");
        host.Smtp.OnRecipient = r => r.Address switch
        {
            "bob@example.com" => throw LocalSmtpServer.Reply(550, "5.1.1 no such user"),
            "cy@example.com" => throw LocalSmtpServer.Reply(450, "4.2.1 mailbox busy"),
            _ => Task.CompletedTask,
        };
        var post = await host.PublishAsync();
        Assert.Equal(MailingRun.Waiting, await host.SendPostAsync(post.Id));

        var (report, problems) = await host.InScopeAsync(async s =>
        {
            var reports = s.GetRequiredService<NewsletterReports>();
            var found = (await reports.ForPostAsync(post.Id))!;
            return (found, await reports.ProblemsAsync(found.Id));
        });
        Assert.Equal(new DeliveryCounts(Sent: 2, Failed: 1, Pending: 1, Cancelled: 0, Stopped: 0), report.Counts);
        Assert.Equal(4, report.Recipients);
        Assert.Contains("2 sent, 1 failed, 1 pending", report.Counts.Describe(), StringComparison.Ordinal);
        var bob = Assert.Single(problems, p => p.Email == "bob@example.com");
        Assert.Equal(DeliveryStatus.Failed, bob.Status);
        Assert.Contains("550", bob.Error, StringComparison.Ordinal);
        Assert.Contains("no such user", bob.Error, StringComparison.Ordinal);
        var cy = Assert.Single(problems, p => p.Email == "cy@example.com");
        Assert.Equal(DeliveryStatus.Pending, cy.Status);
        Assert.Contains("mailbox busy", cy.Error, StringComparison.Ordinal);
        Assert.NotNull(cy.NextAttemptAt);
        Assert.Equal(2, problems.Count);

        var (byPart, byStatus, underscore, counts) = await host.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<SubscriberDirectory>();
            return (await directory.SearchAsync("BO", null), await directory.SearchAsync("example.com", SubscriberStatus.Active),
                await directory.SearchAsync("_", null), await directory.CountsAsync());
        });
        Assert.Equal(["bob@example.com"], byPart.Rows.Select(r => r.Email));
        Assert.Equal(4, byStatus.Total);
        // "_" is a LIKE wildcard: it must match only the address that has one, on both providers.
        Assert.Equal(["dan_x@example.com"], underscore.Rows.Select(r => r.Email));
        Assert.Equal(4, counts[SubscriberStatus.Active]);
        Assert.Equal(0, counts[SubscriberStatus.Bounced]);
        var failedOnce = Assert.Single(byPart.Rows);
        Assert.Equal(1, failedOnce.PermanentFailures);
        Assert.Contains("no such user", failedOnce.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editors_test_email_goes_to_them_alone_marked_as_a_test_and_is_audited()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var draft = await host.DraftAsync();

        var outcome = await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().SendTestAsync(draft.Id, "editor@example.com", "Ada Editor"));

        Assert.Equal(SendResult.Sent, outcome.Result);
        var mail = Assert.Single(host.Smtp.Messages);
        Assert.Equal(["editor@example.com"], mail.Recipients);
        Assert.StartsWith("[Test] ", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Why mamba disappeared", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.Message.HtmlBody);
        Assert.False(await host.WithDbAsync(db => db.Set<Mailing>().AnyAsync()));
        var audit = await host.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == NewsletterAudit.TestEmail));
        Assert.Equal("Ada Editor", audit.Actor);

        // A header-injecting address is refused before anything is sent.
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().SendTestAsync(draft.Id, "editor@example.com\r\nBcc: all@example.com", "Ada Editor")));
        Assert.Contains("line breaks", refused.Message, StringComparison.Ordinal);
        Assert.Single(host.Smtp.Messages);
    }

    [Fact]
    public async Task An_alert_sent_through_the_shared_sender_gets_the_configured_from_address()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var sender = host.Services.GetRequiredService<IEmailSender>();
        var alert = new MimeKit.MimeMessage { Subject = "Digest: generation failed" };
        alert.To.Add(MimeKit.MailboxAddress.Parse("ops@example.com"));
        alert.Body = new MimeKit.TextPart("plain") { Text = "The 05:30 run failed." };

        Assert.Equal(SendResult.Sent, (await sender.SendAsync(alert)).Result);
        var mail = Assert.Single(host.Smtp.Messages);
        Assert.Equal("news@digest.example.org", mail.From);
        Assert.Equal("Daily AI Digest", ((MimeKit.MailboxAddress)mail.Message.From[0]).Name);
    }
}
