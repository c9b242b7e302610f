using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class SubscribersMoveAsCsv
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_adds_the_new_never_resubscribes_the_departed_and_names_each_bad_line(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        var existing = await host.SubscribeAsync("gone@example.com", "bounced@example.com", "active@example.com");
        await host.WithDbAsync(async db =>
        {
            db.AttachRange(existing);
            existing[0].Unsubscribe(host.Clock.GetUtcNow().UtcDateTime);
            existing[1].RefusedPermanently("550 no such user", 1, host.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        await host.InScopeAsync(s => s.GetRequiredService<SubscriberDirectory>().RemoveAsync(EmailAddress.Parse("erased@example.com"), "Ada Admin"));

        var csv = """
            Email,Frequency
            new@example.com,weekly
            GONE@example.com,daily
            bounced@example.com,
            active@example.com,weekly
            erased@example.com,
            "two@example.com, three@example.com",
            not an address,

            =HYPERLINK(1)@example.com,
            fourth@example.com,monthly
            new@example.com,daily
            """;
        var report = await host.InScopeAsync(s => s.GetRequiredService<SubscriberCsv>().ImportAsync(new StringReader(csv), "Ada Admin"));

        Assert.Equal((1, 0, 1, 2, 1), (report.Added, report.Activated, report.AlreadySubscribed, report.KeptUnsubscribed, report.Suppressed));
        Assert.Equal(4, report.Problems.Count);
        Assert.Contains(report.Problems, p => p.StartsWith("line 7:", StringComparison.Ordinal) && p.Contains("one email address only", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 8:", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("line 11:", StringComparison.Ordinal) && p.Contains("neither daily nor weekly", StringComparison.Ordinal));

        Assert.Equal(SubscriberStatus.Unsubscribed, (await host.SubscriberAsync("gone@example.com")).Status);
        Assert.Equal(SubscriberStatus.Bounced, (await host.SubscriberAsync("bounced@example.com")).Status);
        Assert.Equal(DeliveryFrequency.Daily, (await host.SubscriberAsync("active@example.com")).Frequency);
        Assert.Equal(DeliveryFrequency.Weekly, (await host.SubscriberAsync("new@example.com")).Frequency);
        Assert.False(await host.WithDbAsync(db => db.Set<Subscriber>().AnyAsync(s => s.Email == "erased@example.com")));

        var exported = new StringWriter();
        var count = await host.InScopeAsync(s => s.GetRequiredService<SubscriberCsv>().ExportAsync(exported));
        Assert.Equal(4, count);
        var lines = exported.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("email,status,frequency,source,subscribed_at,confirmed_at,unsubscribed_at,bounced_at", lines[0]);
        Assert.StartsWith("gone@example.com,unsubscribed,daily,import,2026-11-26T06:00:00Z,", lines[3], StringComparison.Ordinal);

        // The export read back elsewhere (here: into a fresh list) keeps the unsubscribes.
        await using var other = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var again = await other.InScopeAsync(s => s.GetRequiredService<SubscriberCsv>().ImportAsync(new StringReader(exported.ToString()), "Ada Admin"));
        Assert.Equal(4, again.Added);
    }

    [Fact]
    public async Task A_file_that_is_not_a_subscriber_list_changes_nothing()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var csv = host.Services.GetRequiredService<IServiceScopeFactory>();
        foreach (var (text, expected) in new[] { ("", "file has no subscribers"), ("name,city\nAda,London\n", "No email column"), ("email\n\"ada@example.com\n", "cannot be read as CSV") })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<SubscriberCsv>().ImportAsync(new StringReader(text), "Ada Admin")));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        Assert.False(await host.WithDbAsync(db => db.Set<Subscriber>().AnyAsync()));
        Assert.NotNull(csv);
    }

    [Fact]
    public async Task Removing_a_subscriber_keeps_nothing_but_the_suppression_hash()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.PublishAsync();
        await host.SendPostAsync(post.Id);

        Assert.True(await host.InScopeAsync(s => s.GetRequiredService<SubscriberDirectory>().RemoveAsync(EmailAddress.Parse("Ada@Example.com"), "Ada Admin")));

        Assert.False(await host.WithDbAsync(db => db.Set<Subscriber>().AnyAsync()));
        Assert.False(await host.WithDbAsync(db => db.Set<Delivery>().AnyAsync()));
        var hash = Assert.Single(await host.WithDbAsync(db => db.Set<Suppression>().Select(s => s.Hash).ToListAsync()));
        Assert.Equal(EmailAddress.Parse("ada@example.com").SuppressionHash, hash);
        var audit = await host.WithDbAsync(db => db.Set<Digest.Infrastructure.Audit.AuditEntry>().AsNoTracking().Where(a => a.Action == NewsletterAudit.SubscriberDeleted).ToListAsync());
        Assert.DoesNotContain(audit, a => (a.SubjectLabel + a.Details + a.SubjectId).Contains("ada", StringComparison.OrdinalIgnoreCase));
    }
}
