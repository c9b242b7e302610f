using System.Net;
using Digest.Domain.Newsletter;
using Digest.Web.Tests.Public;
using Microsoft.AspNetCore.Hosting;

namespace Digest.Web.Tests.Newsletter;

public sealed class ReadersSubscribeFromThePublicPages : IAsyncLifetime
{
    private NewsletterApp _site = default!;

    public async Task InitializeAsync() => _site = await NewsletterApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_home_page_and_each_post_carry_the_form_and_stay_cacheable()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        foreach (var path in new[] { "/", $"/posts/{post.Slug}/", "/subscribe" })
        {
            var response = await _site.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<form class=\"subscribe-form\" method=\"post\" action=\"/subscribe\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"website\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie, so the output cache would never keep it");
        }

        // Served from the output cache: the second answer is the stored one (same ETag, no new render).
        var first = await _site.Client.GetAsync("/");
        var second = await _site.Client.GetAsync("/");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task A_browser_is_sent_to_check_its_inbox_and_asking_twice_looks_the_same_and_stores_one_reader()
    {
        var fields = new Dictionary<string, string> { ["email"] = "Ada@Example.com", ["frequency"] = "weekly", ["website"] = "" };
        var first = await _site.PostFormAsync("/subscribe", fields);
        var second = await _site.PostFormAsync("/subscribe", fields);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/subscribe/thanks", response.Headers.Location!.OriginalString);
        }

        var subscriber = Assert.Single(await _site.SubscribersAsync());
        Assert.Equal(("ada@example.com", SubscriberStatus.Pending, DeliveryFrequency.Weekly), (subscriber.Email, subscriber.Status, subscriber.RequestedFrequency));
        var thanks = await _site.Client.GetStringAsync("/subscribe/thanks");
        Assert.Contains("Check your inbox", thanks, StringComparison.Ordinal);

        // An active reader gets exactly the same answer: the form never says who is subscribed.
        await _site.AddActiveAsync("bob@example.com");
        var known = await _site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = "bob@example.com" });
        Assert.Equal(HttpStatusCode.SeeOther, known.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ada@example.com\r\nBcc: everyone@example.com", "line breaks")]
    [InlineData("ada@example.com, bob@example.com", "one email address only")]
    [InlineData("Ada Lovelace <ada@example.com>", "one email address only")]
    [InlineData("", "Enter an email address.")]
    [InlineData("not-an-address", "needs a name, an @ and a domain")]
    [InlineData("\"><script>alert(1)</script>@example.com", "just the address")]
    public async Task A_bad_address_comes_back_with_the_reason_and_what_was_typed_and_nothing_is_stored(string typed, string reason)
    {
        var response = await _site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = typed });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Empty(await _site.SubscribersAsync());
    }

    [Fact]
    public async Task An_overlong_address_and_a_second_email_field_are_refused()
    {
        var overlong = await _site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = new string('a', 300) + "@example.com" }, browser: false);
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Contains("at most 254", await overlong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var twice = new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = new StringContent("email=ada%40example.com&email=bob%40example.com", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        var response = await _site.Client.SendAsync(twice);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("one email address only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _site.SubscribersAsync());
    }

    [Fact]
    public async Task A_script_gets_status_codes_and_a_line_of_text()
    {
        var accepted = await _site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = "ada@example.com" }, browser: false);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.StartsWith("Thanks.", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var json = await _site.Client.PostAsync("/subscribe", new StringContent("{\"email\":\"bob@example.com\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Single(await _site.SubscribersAsync());
    }

    [Fact]
    public async Task A_bot_that_fills_the_hidden_field_is_answered_like_a_reader_and_nothing_is_stored()
    {
        var response = await _site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = "victim@example.com", ["website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/subscribe/thanks", response.Headers.Location!.OriginalString);
        Assert.Empty(await _site.SubscribersAsync());
    }
}

public sealed class TheSubscribeFormIsRateLimited
{
    [Fact]
    public async Task Too_many_attempts_from_one_address_get_429_with_the_time_to_wait()
    {
        await using var site = await NewsletterApp.StartAsync(configure: b => b.UseSetting("Digest:RateLimits:Subscribe:PermitLimit", "2"));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = $"reader{i}@example.com" })).StatusCode);
        }

        var refused = await site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = "reader9@example.com" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await site.SubscribersAsync()).Count);

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/subscribe")).StatusCode);
    }
}

public sealed class WithoutEmailSettingsThereIsNoForm
{
    [Fact]
    public async Task A_fresh_install_shows_no_subscribe_form_and_says_the_newsletter_is_not_open()
    {
        await using var site = await NewsletterApp.StartAsync(email: false);
        var home = await site.Client.GetStringAsync("/");
        Assert.DoesNotContain("subscribe-form", home, StringComparison.Ordinal);
        Assert.Contains("not open yet", await site.Client.GetStringAsync("/subscribe"), StringComparison.Ordinal);

        var response = await site.PostFormAsync("/subscribe", new Dictionary<string, string> { ["email"] = "ada@example.com" }, browser: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await site.SubscribersAsync());
    }
}
