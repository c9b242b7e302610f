using System.Net;
using Digest.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Tests.Newsletter;

public sealed class ReadersConfirmAndLeaveWithoutSigningIn : IAsyncLifetime
{
    private NewsletterApp _site = default!;

    public async Task InitializeAsync() => _site = await NewsletterApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_confirmation_link_subscribes_once_is_never_cached_and_passes_no_referrer()
    {
        var token = await PendingWithLinkAsync("ada@example.com", validFor: TimeSpan.FromHours(1));

        var response = await _site.Client.GetAsync($"/subscribe/confirm?token={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are subscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SubscriberStatus.Active, (await _site.SubscribersAsync()).Single().Status);

        var again = await _site.Client.GetAsync($"/subscribe/confirm?token={token}");
        Assert.Contains("subscribed already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/subscribe/confirm?token=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/subscribe/confirm")).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_says_so_and_offers_the_form()
    {
        var token = await PendingWithLinkAsync("bob@example.com", validFor: TimeSpan.FromHours(-1));

        var response = await _site.Client.GetAsync($"/subscribe/confirm?token={token}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/subscribe\"", html, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await _site.SubscribersAsync()).Single().Status);
    }

    [Fact]
    public async Task Opening_the_unsubscribe_link_changes_nothing_and_its_button_unsubscribes_at_once()
    {
        var reader = await _site.AddActiveAsync("cy@example.com");
        var path = $"/unsubscribe?token={reader.UnsubscribeToken}";

        var page = await _site.Client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("cy@example.com", html, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{path}\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal(SubscriberStatus.Active, (await _site.SubscribersAsync()).Single().Status);

        var done = await _site.PostFormAsync(path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You are unsubscribed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _site.SubscribersAsync()).Single().Status);
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_unsubscribes_without_a_page_or_a_cookie()
    {
        var reader = await _site.AddActiveAsync("dee@example.com");

        // RFC 8058: a POST to the List-Unsubscribe address with this body, from the mail provider's servers.
        var response = await _site.Client.PostAsync($"/unsubscribe?token={reader.UnsubscribeToken}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _site.SubscribersAsync()).Single().Status);
        var multipart = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.PostAsync($"/unsubscribe?token={reader.UnsubscribeToken}", multipart)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.PostAsync("/unsubscribe?token=" + new string('a', 43), new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/unsubscribe?token=nonsense")).StatusCode);
    }

    [Fact]
    public async Task A_daily_reader_can_switch_to_the_weekly_roundup_from_the_same_page()
    {
        var reader = await _site.AddActiveAsync("eve@example.com");
        var path = $"/unsubscribe?token={reader.UnsubscribeToken}";
        Assert.Contains("Get the weekly roundup instead", await _site.Client.GetStringAsync(path), StringComparison.Ordinal);

        var response = await _site.PostFormAsync(path, new Dictionary<string, string> { ["frequency"] = "weekly" });
        Assert.Contains("one email a week", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var subscriber = (await _site.SubscribersAsync()).Single();
        Assert.Equal((SubscriberStatus.Active, DeliveryFrequency.Weekly), (subscriber.Status, subscriber.Frequency));
    }

    private Task<string> PendingWithLinkAsync(string email, TimeSpan validFor) => _site.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var subscriber = Subscriber.RequestedFromForm(EmailAddress.Parse(email), DeliveryFrequency.Daily, now);
        var token = Tokens.New();
        subscriber.IssueConfirmation(Tokens.Hash(token), now + validFor, now);
        db.Add(subscriber);
        await db.SaveChangesAsync();
        return token;
    });
}
