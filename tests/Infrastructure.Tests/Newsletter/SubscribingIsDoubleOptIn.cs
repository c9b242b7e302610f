using System.Text.RegularExpressions;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Subscribing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed partial class SubscribingIsDoubleOptIn
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_sends_one_confirmation_and_only_its_link_makes_the_reader_active(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        await RequestAsync(host, " Ada@Example.COM ", DeliveryFrequency.Weekly);
        var pending = await host.SubscriberAsync("ada@example.com");
        Assert.Equal(SubscriberStatus.Pending, pending.Status);

        Assert.Equal(SendResult.Sent, (await ConfirmationAsync(host, pending.Id))!.Result);
        var token = TokenIn(host.Smtp.Messages.Single().Message.TextBody);
        Assert.Null(await ConfirmationAsync(host, pending.Id));
        Assert.Single(host.Smtp.Messages);

        // Asking again at once sends nothing more; the second request does not reveal anything either.
        await RequestAsync(host, "ada@example.com", DeliveryFrequency.Daily);
        Assert.Null(await ConfirmationAsync(host, pending.Id));

        Assert.Equal(ConfirmResult.Confirmed, await ConfirmAsync(host, token));
        var active = await host.SubscriberAsync("ada@example.com");
        Assert.Equal(SubscriberStatus.Active, active.Status);
        Assert.Equal(DeliveryFrequency.Weekly, active.Frequency);
        Assert.Equal(ConfirmResult.AlreadyActive, await ConfirmAsync(host, token));
        Assert.Equal(ConfirmResult.Invalid, await ConfirmAsync(host, "not-a-token"));
        Assert.Equal(ConfirmResult.Invalid, await ConfirmAsync(host, new string('x', 43)));
    }

    [Fact]
    public async Task A_confirmation_link_expires()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await RequestAsync(host, "ada@example.com", DeliveryFrequency.Daily);
        var pending = await host.SubscriberAsync("ada@example.com");
        await ConfirmationAsync(host, pending.Id);
        var token = TokenIn(host.Smtp.Messages.Single().Message.TextBody);
        Assert.Contains("The link works until 28 November 2026 at 06:00 UTC.", host.Smtp.Messages.Single().Message.TextBody, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(ConfirmResult.Expired, await ConfirmAsync(host, token));
        Assert.Equal(SubscriberStatus.Pending, (await host.SubscriberAsync("ada@example.com")).Status);
    }

    [Fact]
    public async Task An_active_reader_asked_for_again_gets_no_email_and_keeps_their_choice()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var ada = (await host.SubscribeAsync("ada@example.com"))[0];
        await RequestAsync(host, "ada@example.com", DeliveryFrequency.Weekly);

        Assert.Null(await ConfirmationAsync(host, ada.Id));
        Assert.Empty(host.Smtp.Messages);
        Assert.Equal(DeliveryFrequency.Daily, (await host.SubscriberAsync("ada@example.com")).Frequency);
    }

    [Fact]
    public async Task Someone_who_unsubscribed_stays_unsubscribed_until_they_confirm_again()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        var ada = (await host.SubscribeAsync("ada@example.com"))[0];
        Assert.True(await host.InScopeAsync(s => s.GetRequiredService<Subscriptions>().UnsubscribeAsync(ada.UnsubscribeToken)));
        Assert.True(await host.InScopeAsync(s => s.GetRequiredService<Subscriptions>().UnsubscribeAsync(ada.UnsubscribeToken)));

        await RequestAsync(host, "ada@example.com", DeliveryFrequency.Daily);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await host.SubscriberAsync("ada@example.com")).Status);
        await ConfirmationAsync(host, ada.Id);
        Assert.Equal(ConfirmResult.Confirmed, await ConfirmAsync(host, TokenIn(host.Smtp.Messages.Single().Message.TextBody)));
        Assert.Equal(SubscriberStatus.Active, (await host.SubscriberAsync("ada@example.com")).Status);
    }

    [Fact]
    public async Task Addresses_that_never_confirm_are_forgotten_after_thirty_days()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await RequestAsync(host, "ada@example.com", DeliveryFrequency.Daily);
        host.Clock.Advance(TimeSpan.FromDays(31));

        // The dispatcher's look at the database also forgets them; done here without Hangfire.
        var forgetBefore = host.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await host.WithDbAsync(db => db.Set<Subscriber>().Where(s => s.Status == SubscriberStatus.Pending && (s.ConfirmationRequestedAt ?? s.CreatedAt) < forgetBefore).ExecuteDeleteAsync());
        Assert.False(await host.WithDbAsync(db => db.Set<Subscriber>().AnyAsync()));
    }

    private static Task RequestAsync(NewsletterHost host, string email, DeliveryFrequency frequency) =>
        host.InScopeAsync(s => s.GetRequiredService<Subscriptions>().RequestAsync(EmailAddress.Parse(email), frequency));

    private static Task<SendOutcome?> ConfirmationAsync(NewsletterHost host, Guid id) =>
        host.InScopeAsync(s => s.GetRequiredService<ConfirmationSender>().SendAsync(id));

    private static Task<ConfirmResult> ConfirmAsync(NewsletterHost host, string token) =>
        host.InScopeAsync(s => s.GetRequiredService<Subscriptions>().ConfirmAsync(token));

    private static string TokenIn(string? text) => ConfirmLink().Match(text ?? "").Groups["token"].Value;

    [GeneratedRegex(@"subscribe/confirm\?token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();
}
