using System.Collections.Concurrent;
using System.Text.Json;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Alerts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Web.Tests.Operations;

/// <summary>
/// The morning goes wrong in every way the alerts know; each problem reaches the channels its rule names, once —
/// however often the check runs and however many instances run it — in the shape each receiver expects, and the
/// audit log says what was sent where.
/// </summary>
public sealed class AlertsTellEachProblemOnce
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_alert_is_sent_once_to_the_webhooks_its_rule_names_in_their_formats(DatabaseProvider provider)
    {
        await using var hooks = await Receivers.StartAsync();
        await using var app = await StartAsync(provider, new FakeTimeProvider(Now));
        var (json, slack, discord) = await AddWebhooksAsync(app, hooks);
        await SaveRulesAsync(app, new Dictionary<AlertKind, (Guid[] Webhooks, int Threshold)>
        {
            [AlertKind.EditionMissing] = ([json], 5),
            [AlertKind.SourceFailing] = ([slack], 3),
            [AlertKind.DraftWaiting] = ([discord], 8),
            [AlertKind.BudgetStopped] = ([json], 0),
            [AlertKind.DraftReady] = ([json, slack], 0),
        });
        await TheMorningGoesWrongAsync(app);

        var raised = await CheckAsync(app);
        var again = await CheckAsync(app);

        Assert.Equal(6, raised);
        Assert.Equal(0, again);
        var sentJson = hooks.Bodies("/json").Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(["budget-stopped", "draft-ready", "draft-ready", "edition-missing"], sentJson.Select(b => b.GetProperty("alert").GetString()).Order());
        var missing = sentJson.Single(b => b.GetProperty("alert").GetString() == "edition-missing");
        Assert.Equal("No draft for 2026-03-10", missing.GetProperty("title").GetString());
        Assert.Contains("00:00 (UTC) has no draft 5 minutes later. The last run (failed, schedule): The run's token budget", missing.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://digest.example/admin/runs", missing.GetProperty("url").GetString());
        Assert.Equal("warning", missing.GetProperty("severity").GetString());
        Assert.False(missing.GetProperty("test").GetBoolean());
        Assert.Contains(sentJson, b => b.GetProperty("alert").GetString() == "budget-stopped" && b.GetProperty("title").GetString() == "The run for 2026-03-10 was stopped by the token budget");

        var sentSlack = hooks.Bodies("/slack").Select(b => JsonDocument.Parse(b).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.Equal(3, sentSlack.Count);
        var failing = Assert.Single(sentSlack, t => t.Contains("failed 3 times in a row", StringComparison.Ordinal));
        // Text from outside (a source's name) cannot mention the channel or make links in Slack.
        Assert.Contains("&lt;!channel&gt; Feed", failing, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", failing, StringComparison.Ordinal);
        Assert.Contains("<https://digest.example/admin/sources|Open in Digest>", failing, StringComparison.Ordinal);

        var sentDiscord = JsonDocument.Parse(Assert.Single(hooks.Bodies("/discord"))).RootElement;
        var embed = sentDiscord.GetProperty("embeds")[0];
        Assert.Equal("\"2026-03-09-ai-digest\" has waited 9 hours", embed.GetProperty("title").GetString());
        Assert.Equal(0, sentDiscord.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());

        var audit = await AuditAsync(app, AlertAudit.Sent);
        Assert.Equal(6, audit.Count);
        Assert.All(audit, e => Assert.Equal(AlertDispatcher.SystemActor, e.Actor));
        Assert.Contains(audit, e => e.SubjectId == "draft-ready" && e.Details!.Contains("webhook Ops JSON: delivered", StringComparison.Ordinal) && e.Details.Contains("webhook Team Slack: delivered", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Two_instances_checking_at_the_same_moment_send_each_problem_once()
    {
        await using var hooks = await Receivers.StartAsync();
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var a = Host(database, new FakeTimeProvider(Now));
        await using var b = Host(database, new FakeTimeProvider(Now));
        var (json, _, _) = await AddWebhooksAsync(a, hooks);
        await SaveRulesAsync(a, AlertKinds.All.ToDictionary(k => k, k => (new[] { json }, k.Threshold()?.Default ?? 0)));
        await TheMorningGoesWrongAsync(a);

        var raised = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CheckAsync(i % 2 == 0 ? a : b)));

        var kinds = hooks.Bodies("/json").Select(body => JsonDocument.Parse(body).RootElement.GetProperty("alert").GetString()).ToList();
        Assert.Equal(raised.Sum(), kinds.Count);
        Assert.Equal(["budget-stopped", "draft-ready", "draft-ready", "draft-waiting", "edition-missing", "source-failing"], kinds.Order());
    }

    [Fact]
    public async Task A_webhook_that_fails_gets_the_alert_on_a_later_try_and_no_channel_gets_it_twice()
    {
        await using var hooks = await Receivers.StartAsync(failFirst: "/slack");
        var clock = new FakeTimeProvider(Now);
        await using var app = await StartAsync(DatabaseProvider.Sqlite, clock);
        var (json, slack, _) = await AddWebhooksAsync(app, hooks);
        await SaveRulesAsync(app, new Dictionary<AlertKind, (Guid[] Webhooks, int Threshold)> { [AlertKind.SourceFailing] = ([json, slack], 3) });
        await AddFailingSourceAsync(app, "Flaky feed");

        await CheckAsync(app);
        Assert.Single(hooks.Bodies("/json"));
        Assert.Empty(hooks.Bodies("/slack"));
        var failed = Assert.Single(await AuditAsync(app, AlertAudit.Sent));
        Assert.Contains("webhook Team Slack: failed (Team Slack answered HTTP 503)", failed.Details, StringComparison.Ordinal);

        await CheckAsync(app);
        Assert.Empty(hooks.Bodies("/slack"));

        clock.Advance(TimeSpan.FromMinutes(2));
        await CheckAsync(app);

        Assert.Single(hooks.Bodies("/json"));
        Assert.Single(hooks.Bodies("/slack"));
        Assert.Contains(await AuditAsync(app, AlertAudit.Sent), e => e.Details == "webhook Team Slack: delivered");
    }

    [Fact]
    public async Task Send_a_test_reaches_the_chosen_channel_and_is_audited_and_email_without_SMTP_says_what_to_set()
    {
        await using var hooks = await Receivers.StartAsync();
        await using var app = await StartAsync(DatabaseProvider.Sqlite, new FakeTimeProvider(Now));
        var (json, _, _) = await AddWebhooksAsync(app, hooks);

        var webhook = await app.WithScopeAsync(s => s.GetRequiredService<AlertDispatcher>().SendTestAsync(AlertChannelIds.Webhook(json), "owner@example.com"));
        var email = await app.WithScopeAsync(s => s.GetRequiredService<AlertDispatcher>().SendTestAsync(AlertChannelIds.Email, "owner@example.com"));

        Assert.Equal("delivered", webhook);
        var sent = Assert.Single(hooks.Bodies("/json"));
        // The receiver can check who sent it: HMAC-SHA256 of "timestamp.body" with the webhook's secret.
        var (timestamp, signature) = hooks.Signatures.Single();
        var expected = System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{sent}"));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(expected), signature);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var body = JsonDocument.Parse(sent).RootElement;
        Assert.True(body.GetProperty("test").GetBoolean());
        Assert.Contains("owner@example.com sent this from Settings", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("failed: email is not set up: configure Digest:Email:Smtp:Host", email, StringComparison.Ordinal);
        var tests = await AuditAsync(app, AlertAudit.TestSent);
        Assert.Equal(2, tests.Count);
        Assert.All(tests, e => Assert.Equal("owner@example.com", e.Actor));
    }

    [Fact]
    public async Task With_SMTP_set_an_alert_is_emailed_once_to_its_recipients_through_the_sites_sender()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Email:Smtp:Host"] = "127.0.0.1",
            ["Digest:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Email:Smtp:Security"] = "None",
            ["Digest:Email:From"] = "Digest alerts <alerts@digest.example.org>",
        };
        await using var app = new DigestAppFactory(await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite), settings: settings)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)),
        };
        await app.WithScopeAsync(s => s.GetRequiredService<AlertSettingsEditor>().SaveAsync(
            [new AlertRuleEdit(AlertKind.EditionMissing, true, [], 5)], ["ops@example.com"], "owner@example.com"));
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            (await db.SiteSettings.SingleAsync()).BaseUrl = "https://digest.example/";
            await db.SaveChangesAsync();
        });
        await TheMorningGoesWrongAsync(app);

        Assert.Equal(1, await CheckAsync(app));
        Assert.Equal(0, await CheckAsync(app));

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["ops@example.com"], mail.Recipients);
        Assert.Equal("[Digest] No draft for 2026-03-10", mail.Message.Subject);
        Assert.Equal("alerts@digest.example.org", mail.Message.From.Mailboxes.Single().Address);
        Assert.True(mail.Message.TextBody!.Contains("Open: https://digest.example/admin/runs", StringComparison.Ordinal), mail.Message.TextBody);
        var audit = Assert.Single(await AuditAsync(app, AlertAudit.Sent));
        Assert.Contains("emailed 1 recipient", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_a_reason_and_nothing_is_saved()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite, new FakeTimeProvider(Now));

        await Assert.ThrowsAsync<Digest.Domain.Common.DomainException>(() => SaveRulesAsync(app, new Dictionary<AlertKind, (Guid[] Webhooks, int Threshold)> { [AlertKind.SourceFailing] = ([], 0) }));
        var badAddress = await Assert.ThrowsAsync<Digest.Domain.Common.DomainException>(() => app.WithScopeAsync(s =>
            s.GetRequiredService<AlertSettingsEditor>().SaveAsync([], ["ops@example.com", "Eve <eve@example.com>\r\nBcc: all@example.com"], "owner@example.com")));
        Assert.Contains("is not an email address", badAddress.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Digest.Domain.Common.DomainException>(() => app.WithScopeAsync(s =>
            s.GetRequiredService<AlertSettingsEditor>().AddWebhookAsync("Local file", "file:///etc/passwd", WebhookFormat.Json, null, "owner@example.com")));

        var setup = await app.WithScopeAsync(s => s.GetRequiredService<AlertSettingsEditor>().LoadAsync());
        Assert.All(setup.Rules, r => Assert.False(r.IsOn));
        Assert.Empty(setup.EmailRecipients);
        Assert.Empty(setup.Webhooks);
    }

    private static async Task<DigestAppFactory> StartAsync(DatabaseProvider provider, FakeTimeProvider clock) =>
        Host(await TestDatabase.CreateEmptyAsync(provider), clock, ownsDatabase: true);

    private static DigestAppFactory Host(TestDatabase database, FakeTimeProvider clock, bool ownsDatabase = false) =>
        new(database) { OwnsDatabase = ownsDatabase, TestServices = services => services.AddSingleton<TimeProvider>(clock) };

    private static Task<int> CheckAsync(DigestAppFactory app) => app.WithScopeAsync(s => s.GetRequiredService<AlertMonitor>().CheckAsync());

    private static Task<(Guid Json, Guid Slack, Guid Discord)> AddWebhooksAsync(DigestAppFactory app, Receivers hooks) =>
        app.WithScopeAsync(async s =>
        {
            var editor = s.GetRequiredService<AlertSettingsEditor>();
            var json = await editor.AddWebhookAsync("Ops JSON", hooks.Url("/json"), WebhookFormat.Json, "s3cret", "owner@example.com");
            var slack = await editor.AddWebhookAsync("Team Slack", hooks.Url("/slack"), WebhookFormat.Slack, null, "owner@example.com");
            var discord = await editor.AddWebhookAsync("Discord", hooks.Url("/discord"), WebhookFormat.Discord, null, "owner@example.com");
            var db = s.GetRequiredService<DigestDbContext>();
            var settings = await db.SiteSettings.SingleAsync();
            settings.BaseUrl = "https://digest.example/";
            await db.SaveChangesAsync();
            return (json.Id, slack.Id, discord.Id);
        });

    private static Task SaveRulesAsync(DigestAppFactory app, IReadOnlyDictionary<AlertKind, (Guid[] Webhooks, int Threshold)> rules) =>
        app.WithScopeAsync(s => s.GetRequiredService<AlertSettingsEditor>().SaveAsync(
            [.. rules.Select(r => new AlertRuleEdit(r.Key, false, r.Value.Webhooks, r.Value.Threshold))], [], "owner@example.com"));

    /// <summary>A source failing three times, yesterday's draft unreviewed for nine hours, today's run stopped by the budget, today's edition missing.</summary>
    private static Task TheMorningGoesWrongAsync(DigestAppFactory app) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            var settings = await db.SiteSettings.SingleAsync();
            settings.ScheduleCron = "0 0 * * *";
            settings.TimeZone = "UTC";
            var now = Now.UtcDateTime;
            var run = GenerationRun.Start(new DateOnly(2026, 3, 10), "schedule", "gpt-4o-mini", now.AddHours(-1));
            run.RecordUsage(new RunUsage(90_000, 10_000, 0.02m, 12, 0, [], [], BudgetReached: true));
            run.Fail("The run's token budget (100000) was reached; the sections after it were left for the editor.", now.AddMinutes(-50));
            db.GenerationRuns.Add(run);
            db.Posts.Add(Post.CreateGeneratedDraft(new DateOnly(2026, 3, 9), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now.AddHours(-9)));
            db.Posts.Add(Post.CreateGeneratedDraft(new DateOnly(2026, 3, 8), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now.AddHours(-2)));
            await db.SaveChangesAsync();
            await AddFailingSourceAsync(db, "<!channel> Feed");
        });

    private static Task AddFailingSourceAsync(DigestAppFactory app, string name) =>
        app.WithScopeAsync(s => AddFailingSourceAsync(s.GetRequiredService<DigestDbContext>(), name));

    private static async Task AddFailingSourceAsync(DigestDbContext db, string name)
    {
        var source = new Source(name, new Uri($"https://feeds.example/{Guid.NewGuid():N}.xml"), SourceKind.Rss);
        for (var i = 3; i > 0; i--)
        {
            source.RecordFailure(Now.UtcDateTime.AddHours(-i), "HTTP 500 from the server");
        }

        db.Sources.Add(source);
        await db.SaveChangesAsync();
    }

    private static Task<List<AuditEntry>> AuditAsync(DigestAppFactory app, string action) =>
        app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Webhook receivers on 127.0.0.1 that keep every body they are sent; one may fail its first request.</summary>
    private sealed class Receivers : IAsyncDisposable
    {
        private readonly LocalHttpServer _server;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _bodies = new(StringComparer.Ordinal);

        private Receivers(LocalHttpServer server, string? failFirst)
        {
            _server = server;
            foreach (var path in new[] { "/json", "/slack", "/discord" })
            {
                var failures = path == failFirst ? 1 : 0;
                server.Map(path, async context =>
                {
                    using var reader = new StreamReader(context.Request.Body);
                    var body = await reader.ReadToEndAsync();
                    if (Interlocked.Decrement(ref failures) >= 0)
                    {
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        return;
                    }

                    Assert.Equal("application/json; charset=utf-8", context.Request.ContentType);
                    if (context.Request.Headers.TryGetValue("X-Digest-Signature", out var signature))
                    {
                        Signatures.Enqueue((context.Request.Headers["X-Digest-Timestamp"].ToString(), signature.ToString()));
                    }

                    _bodies.GetOrAdd(path, _ => new ConcurrentQueue<string>()).Enqueue(body);
                });
            }
        }

        public ConcurrentQueue<(string Timestamp, string Signature)> Signatures { get; } = new();

        public static async Task<Receivers> StartAsync(string? failFirst = null) => new(await LocalHttpServer.StartAsync(), failFirst);

        public string Url(string path) => _server.Url(path).ToString();

        public IReadOnlyList<string> Bodies(string path) => _bodies.TryGetValue(path, out var bodies) ? [.. bodies] : [];

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
