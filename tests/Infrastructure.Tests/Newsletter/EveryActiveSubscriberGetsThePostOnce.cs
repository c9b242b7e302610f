using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using MimeKit;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class EveryActiveSubscriberGetsThePostOnce
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_emails_the_active_daily_subscribers_and_nobody_else_and_sending_again_sends_nothing(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        await host.SubscribeAsync("ada@example.com", "bob@example.com", "cy@example.com", "dee@example.com");
        await host.SubscribeAsync(DeliveryFrequency.Weekly, "weekly@example.com");
        var gone = (await host.SubscribeAsync("gone@example.com"))[0];
        await host.WithDbAsync(async db =>
        {
            db.Attach(gone).Entity.Unsubscribe(host.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        Assert.Equal(MailingStatus.Queued, mailing.Status);

        Assert.Equal(MailingRun.Finished, await host.SendAsync(mailing.Id));
        Assert.Equal(MailingRun.NothingToDo, await host.SendAsync(mailing.Id));

        Assert.Equal(4, host.Smtp.Messages.Count);
        foreach (var reader in new[] { "ada@example.com", "bob@example.com", "cy@example.com", "dee@example.com" })
        {
            Assert.Equal(1, host.Smtp.CountFor(reader));
        }

        Assert.Equal(0, host.Smtp.CountFor("weekly@example.com"));
        Assert.Equal(0, host.Smtp.CountFor("gone@example.com"));
        var sent = await host.MailingForAsync(post.Id);
        Assert.Equal(MailingStatus.Sent, sent.Status);
        Assert.Equal(4, sent.Recipients);
        Assert.All(await host.DeliveriesAsync(mailing.Id), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Each_email_has_both_parts_the_sources_the_disclosure_and_its_own_one_click_unsubscribe()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var ada = (await host.SubscribeAsync("ada@example.com", "bob@example.com"))[0];
        var post = await host.PublishAsync();
        await host.SendPostAsync(post.Id);

        var message = host.Smtp.Messages.Single(m => m.Recipients.Contains("ada@example.com")).Message;
        var other = host.Smtp.Messages.Single(m => m.Recipients.Contains("bob@example.com")).Message;
        var unsubscribe = $"{NewsletterHost.BaseUrl}unsubscribe?token={ada.UnsubscribeToken}";

        Assert.Equal($"<{unsubscribe}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.NotEqual(message.Headers[HeaderId.ListUnsubscribe], other.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("news@digest.example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("Daily AI Digest", message.From.Mailboxes.Single().Name);
        Assert.Contains("[Daily Automated AI Summary]", message.Subject, StringComparison.Ordinal);

        var html = message.HtmlBody;
        var text = message.TextBody;
        Assert.NotNull(html);
        Assert.NotNull(text);
        foreach (var part in new[] { html, text })
        {
            Assert.Contains("Why mamba disappeared", part, StringComparison.Ordinal);
            Assert.Contains("https://www.reddit.com/r/MachineLearning/comments/1/", part, StringComparison.Ordinal);
            Assert.Contains("https://news.ycombinator.com/item?id=2", part, StringComparison.Ordinal);
            Assert.Contains("Written by the language model gpt-4o-mini", part, StringComparison.Ordinal);
            Assert.Contains("Read, reviewed and approved by Ada Editor", part, StringComparison.Ordinal);
            Assert.Contains($"{NewsletterHost.BaseUrl}posts/{post.Slug}/", part, StringComparison.Ordinal);
        }

        // The visible link, in both parts, is the reader's own.
        Assert.Contains($"href=\"{unsubscribe.Replace("&", "&amp;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
        Assert.Contains(unsubscribe, text, StringComparison.Ordinal);
        // Mail clients drop <style> blocks: the content carries its style inline, and dark mode is offered to those that can.
        Assert.Contains("<h2 id=\"possible-consequences-of-current-developments\" style=\"", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("%%unsubscribe", html + text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_sent_again_after_a_crash_keeps_its_message_id()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var ada = (await host.SubscribeAsync("ada@example.com"))[0];
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);
        await host.SendAsync(mailing.Id);

        // Mailbox providers that see the same Message-ID twice show the message once.
        Assert.Equal($"{mailing.Id:N}.{ada.Id:N}@digest.example.org", host.Smtp.Messages.Single().Message.MessageId);
    }
}
