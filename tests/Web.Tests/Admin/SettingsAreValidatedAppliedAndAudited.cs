using Digest.Domain.Common;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Jobs;
using Digest.Infrastructure.Settings;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

public sealed class SettingsAreValidatedAppliedAndAudited : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        _ = _app.Server;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<SiteSettings> LoadAsync() => _app.WithScopeAsync(s => s.GetRequiredService<SiteSettingsEditor>().LoadAsync());

    private Task<SiteSettings> SaveAsync(SiteSettings current, Func<SiteSettingsEdit, SiteSettingsEdit> change) =>
        _app.WithScopeAsync(s => s.GetRequiredService<SiteSettingsEditor>().SaveAsync(change(SiteSettingsEdit.From(current)), current.Version, Dashboard.AdminEmail));

    [Fact]
    public async Task A_new_schedule_is_applied_to_the_recurring_job_at_once_and_the_title_to_every_page()
    {
        var current = await LoadAsync();
        Assert.Equal("Daily AI Digest", (await _app.Services.GetRequiredService<SiteSettingsStore>().GetAsync()).Title);

        await SaveAsync(current, e => e with { ScheduleCron = "15 7 * * 1-5", TimeZone = "Europe/Berlin", Title = "Morning AI" });

        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == GenerateDailyDigestJob.RecurringJobId);
        Assert.Equal("15 7 * * 1-5", job.Cron);
        Assert.Equal("Europe/Berlin", job.TimeZoneId);
        Assert.Equal("Morning AI", (await _app.Services.GetRequiredService<SiteSettingsStore>().GetAsync()).Title);
        Assert.Contains("Morning AI", await _app.CreateClient().GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("every morning", "UTC", "not a valid schedule")]
    [InlineData("30 5 * * *", "Mars/Olympus", "Unknown time zone")]
    public async Task A_bad_schedule_is_refused_with_a_reason_and_nothing_changes(string cron, string zone, string reason)
    {
        var current = await LoadAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => SaveAsync(current, e => e with { ScheduleCron = cron, TimeZone = zone }));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal("30 5 * * *", (await LoadAsync()).ScheduleCron);
    }

    [Fact]
    public async Task Two_admins_saving_at_once_do_not_overwrite_each_other()
    {
        var opened = await LoadAsync();
        await SaveAsync(opened, e => e with { Author = "First" });

        await Assert.ThrowsAsync<SettingsConflictException>(() => SaveAsync(opened, e => e with { Author = "Second" }));
        Assert.Equal("First", (await LoadAsync()).Author);
    }

    [Fact]
    public async Task The_audit_log_says_who_changed_which_settings()
    {
        await SaveAsync(await LoadAsync(), e => e with { TopicCount = 7, PredictionSubjects = ["AGI"] });

        var entry = (await _app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().ReadAsync(new AuditQuery()))).Entries.Single();
        Assert.Equal(AuditActions.SettingsSaved, entry.Action);
        Assert.Equal(Dashboard.AdminEmail, entry.Actor);
        Assert.Equal("topics, prediction subjects", entry.Details);
    }

    [Fact]
    public async Task The_feed_length_is_on_the_settings_page_and_a_bad_one_is_refused()
    {
        await SaveAsync(await LoadAsync(), e => e with { FeedLength = 0 });
        var admin = await Digest.Web.Tests.Import.ImportSite.SignedInAsync(_app, Dashboard.AdminEmail, Digest.Infrastructure.Identity.Roles.Admin);

        var page = await Forms.ParseAsync(await admin.GetAsync("/admin/settings"));

        // The form starts from the stored value, so saving other settings keeps the length an import set.
        Assert.Equal("0", page.QuerySelector("input#feed-length")!.GetAttribute("value"));
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await SaveAsync(await LoadAsync(), e => e with { FeedLength = -1 }));
        Assert.Contains("feed length", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await LoadAsync()).FeedLength);
    }
}
