using System.Text.RegularExpressions;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests.Newsletter;

/// <summary>
/// A reader's whole round trip in a real browser, on a phone in dark mode: the form on the home page, the confirmation
/// email's link, the next post in their inbox, and the unsubscribe link in it. Then the same pages on a desktop in light.
/// </summary>
public sealed partial class AReaderSubscribesAndLeavesInTheBrowser(ReaderSite site, Browser browser) : IClassFixture<ReaderSite>, IClassFixture<Browser>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    [BrowserFact]
    public async Task A_reader_subscribes_on_a_phone_confirms_gets_the_next_post_and_unsubscribes_with_one_button()
    {
        await site.PublishAsync("Yesterday's digest");
        const string reader = "reader@example.com";
        var page = await OpenAsync(390, 844, ColorScheme.Dark);

        await page.GotoAsync("/");
        var form = page.Locator("form.subscribe-form");
        await form.Locator("input[name=email]").FillAsync(reader);
        await form.Locator("label", new LocatorLocatorOptions { HasTextString = "Weekly roundup" }).ClickAsync();
        await form.Locator("label", new LocatorLocatorOptions { HasTextString = "Every post" }).ClickAsync();
        await page.Locator("form.subscribe-form").SaveAsync("newsletter-01-form-390-dark");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");
        await AssertFitsAsync(page);
        await page.SaveAsync("newsletter-02-check-inbox-390-dark");

        var confirmation = await MailForAsync(reader, 1);
        var confirmLink = ConfirmLink().Match(confirmation.TextBody ?? "").Value;
        Assert.StartsWith(site.Address.ToString(), confirmLink, StringComparison.Ordinal);
        await page.GotoAsync(confirmLink);
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("the next post comes to your inbox");
        await AssertFitsAsync(page);
        await page.SaveAsync("newsletter-03-confirmed-390-dark");

        await site.PublishAsync("Today's digest");
        var post = await MailForAsync(reader, 2);
        Assert.Contains("Today's digest", post.Subject, StringComparison.Ordinal);
        var header = post.Headers["List-Unsubscribe"];
        var unsubscribe = (header ?? "").Trim('<', '>', ' ');
        Assert.StartsWith(site.Address + "unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", post.Headers["List-Unsubscribe-Post"]);

        // Opening the link (as a mail scanner would) changes nothing; the button does, at once and without signing in.
        await page.GotoAsync(unsubscribe);
        await Expect(page.Locator("#unsubscribe")).ToBeVisibleAsync();
        Assert.Equal(SubscriberStatus.Active, await StatusAsync(reader));
        await AssertFitsAsync(page);
        await page.SaveAsync("newsletter-04-unsubscribe-390-dark");
        await page.ClickAsync("#unsubscribe");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("no more emails");
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync(reader));

        // The same form at desktop width in light mode.
        var desktop = await OpenAsync(1280, 900, ColorScheme.Light);
        await desktop.GotoAsync("/subscribe");
        await Expect(desktop.Locator("form.subscribe-form input[name=email]")).ToBeVisibleAsync();
        await Expect(desktop.Locator("input[name=website]")).Not.ToBeInViewportAsync();
        await AssertFitsAsync(desktop);
        await desktop.SaveAsync("newsletter-05-subscribe-1280-light");
    }

    [BrowserFact]
    public async Task An_admin_on_a_phone_finds_a_subscriber_deletes_them_on_request_and_sees_the_posts_deliveries()
    {
        await site.SubscribeAsync("erase.me@example.com", "keeper@example.com");
        await site.PublishAsync("A post for the deliveries page");
        var page = await OpenAsync(390, 844, ColorScheme.Dark);
        await page.GotoAsync("/account/login?ReturnUrl=%2Fadmin%2Fsubscribers");
        await page.FillAsync("#email", ReaderSite.AdminEmail);
        await page.FillAsync("#password", ReaderSite.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/subscribers$"));
        await page.Locator("[data-interactive=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await page.FillAsync("#search", "erase");
        await page.ClickAsync("form.filters button[type=submit]");
        var rows = page.Locator("table.subscribers tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("erase.me@example.com");
        await AssertFitsAsync(page);
        await page.SaveAsync("newsletter-06-subscribers-390-dark");

        await page.GetByLabel("Delete erase.me@example.com").ClickAsync();
        await page.ClickAsync("button:has-text('Delete for good')");
        await Expect(page.Locator("[role=status].alert")).ToContainTextAsync("only a hash of the address is kept");
        await Expect(rows).ToHaveCountAsync(0);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            Assert.False(await db.Set<Subscriber>().AnyAsync(s => s.Email == "erase.me@example.com"));
            Assert.True(await db.Set<Subscriber>().AnyAsync(s => s.Email == "keeper@example.com"));
        }

        await MailForAsync("keeper@example.com", 1);
        await page.GotoAsync("/admin/newsletter");
        var mailing = page.Locator("table.mailings tbody tr", new PageLocatorOptions { HasTextString = "A post for the deliveries page" });
        await Expect(mailing).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await page.SaveAsync("newsletter-07-deliveries-390-dark");
    }

    private async Task<IPage> OpenAsync(int width, int height, ColorScheme scheme)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Response += (_, r) => { if (r.Status >= 500) Console.WriteLine($"HTTP {r.Status} {r.Url}"); };
        return page;
    }

    /// <summary>Nothing wider than the screen: no sideways scrolling on a phone.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the screen");
    }

    private async Task<MimeKit.MimeMessage> MailForAsync(string address, int nth)
    {
        var deadline = DateTime.UtcNow + MailWait;
        while (site.Smtp.CountFor(address) < nth)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{address} got {site.Smtp.CountFor(address)} email(s) in {MailWait}, not {nth}.");
            await Task.Delay(50);
        }

        return site.Smtp.Messages.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ElementAt(nth - 1).Message;
    }

    private async Task<SubscriberStatus> StatusAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        return await db.Set<Subscriber>().Where(s => s.Email == email).Select(s => s.Status).SingleAsync();
    }

    [GeneratedRegex(@"https?://[^\s>""]+/subscribe/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
