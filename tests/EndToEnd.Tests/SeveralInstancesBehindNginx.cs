using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Two running instances on one database behind nginx, as docker-compose.scale.yml arranges them: what one instance
/// changes, the other serves at once; a sign-in holds on both; the proxy keeps a dashboard user on one instance.
/// Runs once with each instance's own output cache (kept fresh by the database) and once with the cache in Redis.
/// </summary>
public abstract class SeveralInstancesBehindNginx<TInstances>(TInstances instances, Browser browser)
    where TInstances : TwoInstances
{
    protected TInstances Instances { get; } = instances;

    /// <summary>The subclasses declare it: without Redis it needs the database change stamp (issue 10).</summary>
    protected async Task PublishedThroughAIsOnBsPagesAndFeedsWithinTwoSecondsAsync()
    {
        using var reader = new HttpClient { BaseAddress = Instances.B.Address };
        // B has the home page and the feed in its cache before the change.
        var title = $"Published through A {Guid.NewGuid():N}"[..40];
        Assert.DoesNotContain(title, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await reader.GetStringAsync("/index.xml"), StringComparison.Ordinal);
        var draft = await Instances.AddDraftAsync(title);
        var page = await SignedInAsync(Instances.A.Address);
        await page.GotoAsync($"/admin/posts/{draft.Id}");
        await page.Locator("[data-interactive=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#publish-toggle");
        if (await page.Locator("#override").CountAsync() > 0)
        {
            await page.FillAsync("#override", "instances test");
        }

        await page.ClickAsync("#approve");
        await Expect(page.Locator("[role=status].alert")).ToContainTextAsync("Approved and published.");
        var published = Stopwatch.StartNew();

        while (!(await reader.GetStringAsync("/")).Contains(title, StringComparison.Ordinal) || !(await reader.GetStringAsync("/index.xml")).Contains(title, StringComparison.Ordinal))
        {
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(2), $"B still serves the old home page or feed {published.ElapsedMilliseconds} ms after A published");
            await Task.Delay(50);
        }
    }

    [InstancesFact]
    public async Task A_sign_in_made_on_A_opens_the_dashboard_on_B()
    {
        var page = await SignedInAsync(Instances.A.Address);

        // Same host, another port: the browser sends A's cookie to B, as it would to any instance behind one name.
        var settings = await page.GotoAsync(new Uri(Instances.B.Address, "/admin/settings").ToString());

        Assert.Equal(200, settings!.Status);
        Assert.EndsWith("/admin/settings", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings");
    }

    [InstancesFact]
    public async Task Through_nginx_a_dashboard_user_stays_on_one_instance_while_readers_are_spread()
    {
        using var reader = new HttpClient { BaseAddress = Instances.Proxy.Address };
        for (var i = 0; i < 12; i++)
        {
            (await reader.GetAsync("/")).EnsureSuccessStatusCode();
        }

        var page = await SignedInAsync(Instances.Proxy.Address);
        await page.GotoAsync("/admin/settings");
        // The circuit works through the proxy: the alert rules load over it.
        await Expect(page.Locator("#save-alerts")).ToBeVisibleAsync();
        await page.FillAsync("#cron", "15 6 * * *");
        await Expect(page.Locator("p.hint[role=status]", new() { HasText = "Next runs" })).ToContainTextAsync("Next runs");

        var requests = Instances.Proxy.Requests();
        var readers = requests.Where(r => r.Path == "/" && r.NodeCookie == "-").Select(r => r.Upstream).Distinct().ToList();
        Assert.Equal(2, readers.Count);
        // The dashboard's pages and circuit; its static files (/admin.css too) may come from either instance.
        var dashboard = requests.Where(r => (r.Path == "/admin" || r.Path.StartsWith("/admin/", StringComparison.Ordinal) || r.Path.StartsWith("/_blazor", StringComparison.Ordinal)) && r.NodeCookie != "-").ToList();
        Assert.Contains(dashboard, r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal));
        var log = string.Join('\n', requests) + "\n" + Instances.Proxy.ErrorLog;
        Assert.True(dashboard.Select(r => r.NodeCookie).Distinct().Count() == 1, log);
        Assert.True(dashboard.Select(r => r.Upstream).Distinct().Count() == 1, log);
    }

    [InstancesFact]
    public async Task With_JSON_console_logs_each_request_is_one_JSON_line_with_its_trace_id()
    {
        using var reader = new HttpClient { BaseAddress = Instances.B.Address };
        // Successful reads are logged at debug only (the public site answers thousands a second); a reader's miss is
        // logged at information, so it is the request whose one JSON line must carry the caller's trace id.
        var path = $"/json-logs-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.SendAsync(request)).StatusCode);

        System.Text.Json.JsonElement? logged = null;
        for (var attempt = 0; attempt < 50 && logged is null; attempt++)
        {
            logged = Instances.B.Output.Split('\n')
                .Where(line => line.StartsWith('{') && line.Contains(path, StringComparison.Ordinal) && line.Contains(traceId, StringComparison.Ordinal))
                .Select(line => (System.Text.Json.JsonElement?)System.Text.Json.JsonDocument.Parse(line).RootElement)
                .FirstOrDefault();
            if (logged is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(logged is not null, $"No JSON line with trace id {traceId} for the request:\n{Instances.B.Output[^Math.Min(4000, Instances.B.Output.Length)..]}");
        // Information, or Warning when the busy machine made the request slow: either way one parseable entry.
        Assert.True(logged.Value.GetProperty("LogLevel").GetString() is "Information" or "Warning", logged.Value.ToString());
        Assert.Contains("answered 404", logged.Value.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    protected async Task<IPage> SignedInAsync(Uri address)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.FillAsync("#email", TwoInstances.AdminEmail);
        await page.FillAsync("#password", TwoInstances.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return page;
    }
}

/// <summary>Each instance's own output cache in memory, kept fresh across instances by the database's change stamp.</summary>
public sealed class TwoInstancesBehindNginx(TwoInstances instances, Browser browser)
    : SeveralInstancesBehindNginx<TwoInstances>(instances, browser), IClassFixture<TwoInstances>, IClassFixture<Browser>
{
    [InstancesFact]
    public Task A_post_published_through_A_is_on_Bs_pages_and_feeds_within_two_seconds() => PublishedThroughAIsOnBsPagesAndFeedsWithinTwoSecondsAsync();

    [InstancesFact]
    public Task Generate_now_pressed_on_both_instances_and_the_schedule_make_one_draft_and_one_runs_worth_of_model_calls() =>
        new GenerationAcrossInstances(Instances, SignedInAsync).OneDraftFromThreeTriggersAsync();
}

/// <summary>The output cache in one Redis that both instances share.</summary>
public sealed class TwoInstancesWithRedisBehindNginx(TwoInstancesWithRedis instances, Browser browser)
    : SeveralInstancesBehindNginx<TwoInstancesWithRedis>(instances, browser), IClassFixture<TwoInstancesWithRedis>, IClassFixture<Browser>
{
    [InstancesFact]
    public Task A_post_published_through_A_is_on_Bs_pages_and_feeds_within_two_seconds() => PublishedThroughAIsOnBsPagesAndFeedsWithinTwoSecondsAsync();

    [InstancesFact]
    public Task Killing_the_instance_that_holds_the_generation_has_the_other_pick_it_up_into_exactly_one_draft() =>
        new GenerationAcrossInstances(Instances, SignedInAsync).KilledHolderIsRecoveredByTheOtherAsync();
}

/// <summary>Needs PostgreSQL, nginx and Chromium (./test.sh provides them); says which is missing otherwise.</summary>
public sealed class InstancesFactAttribute : FactAttribute
{
    public InstancesFactAttribute()
    {
        Skip = TwoInstances.SkipReason;
    }
}
