using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Dispatching;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class TheWeeklyRoundupCollectsTheWeek
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task At_the_set_hour_in_the_site_time_zone_weekly_readers_get_the_weeks_posts_in_one_email(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        await host.WithDbAsync(db => db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZone, "Europe/Berlin")));
        await host.InScopeAsync(s => s.GetRequiredService<RoundupSettingsEditor>().SaveAsync(DayOfWeek.Friday, 9, "Ada Admin"));
        await host.SubscribeAsync(DeliveryFrequency.Weekly, "weekly@example.com", "second@example.com");
        await host.SubscribeAsync("daily@example.com");

        // Thursday 26 Nov 06:00 UTC: two posts this week, one withheld from email.
        var first = await host.PublishAsync(new DateOnly(2026, 11, 24));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var withheld = await host.DraftAsync(new DateOnly(2026, 11, 25));
        await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().ChooseAsync(withheld.Id, send: false, "Ada Editor"));
        await host.InScopeAsync(s => s.GetRequiredService<Digest.Infrastructure.Editing.PostEditor>().ApproveAndPublishAsync(withheld.Id, "Ada Editor", "test posts reuse topics"));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var second = await host.PublishAsync(new DateOnly(2026, 11, 26));

        Assert.Null(await PlanAsync(host));

        // Friday 27 Nov, 09:00 in Berlin is 08:00 UTC.
        host.Clock.AdjustTime(new DateTimeOffset(2026, 11, 27, 7, 59, 0, TimeSpan.Zero));
        Assert.Null(await PlanAsync(host));
        host.Clock.AdjustTime(new DateTimeOffset(2026, 11, 27, 8, 0, 30, TimeSpan.Zero));
        var roundup = await PlanAsync(host);
        Assert.NotNull(roundup);
        Assert.Equal(new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc), roundup.PeriodEnd);
        Assert.Null(await PlanAsync(host));

        Assert.Equal(MailingRun.Finished, await host.SendAsync(roundup.Id));
        Assert.Equal(1, host.Smtp.CountFor("weekly@example.com"));
        Assert.Equal(1, host.Smtp.CountFor("second@example.com"));
        Assert.Equal(0, host.Smtp.CountFor("daily@example.com"));
        var email = host.Smtp.Messages.First(m => m.Recipients.Contains("weekly@example.com")).Message;
        Assert.Contains("the week's posts", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"posts/{first.Slug}/", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"posts/{second.Slug}/", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"posts/{withheld.Slug}/", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://news.ycombinator.com/item?id=2", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Read, reviewed and approved by Ada Editor", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("get every post instead", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull(email.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task A_week_with_nothing_published_sends_nothing_and_a_roundup_missed_by_more_than_a_day_is_not_sent_late()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync(DeliveryFrequency.Weekly, "weekly@example.com");

        // Sunday 29 Nov 08:00 UTC is the default roundup time; nothing was published.
        host.Clock.AdjustTime(new DateTimeOffset(2026, 11, 29, 8, 5, 0, TimeSpan.Zero));
        var empty = await PlanAsync(host);
        Assert.Equal(MailingStatus.Skipped, empty!.Status);

        var post = await host.PublishAsync(new DateOnly(2026, 11, 30));
        host.Clock.AdjustTime(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        Assert.Null(await PlanAsync(host));
        Assert.Empty(host.Smtp.Messages);
        Assert.NotNull(post);
    }

    private static Task<Mailing?> PlanAsync(NewsletterHost host) => host.InScopeAsync(s => s.GetRequiredService<RoundupPlanner>().PlanAsync());
}
