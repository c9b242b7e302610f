using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Jobs;
using Digest.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Editing;

/// <summary>
/// Saves the site settings an admin changes in the dashboard: validated as a whole, guarded against two admins
/// saving at once, audited, and applied at once (the generation schedule in Hangfire, cached settings, public pages).
/// </summary>
public sealed class SiteSettingsEditor(DigestDbContext db, RecurringJobSchedule schedule, SiteSettingsStore store, IPublicSiteCache cache, TimeProvider clock)
{
    public async Task<SiteSettings> LoadAsync(CancellationToken cancellationToken = default) =>
        await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();

    public async Task<SiteSettings> SaveAsync(SiteSettingsEdit edit, Guid expectedVersion, string by, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(cancellationToken);
        var isNew = settings is null;
        settings ??= new SiteSettings();
        if (!isNew && settings.Version != expectedVersion)
        {
            throw new SettingsConflictException();
        }

        var before = Describe(settings);
        edit.ApplyTo(settings);
        Validate(settings);
        var changed = Changed(before, Describe(settings));
        settings.Version = Guid.NewGuid();
        if (isNew)
        {
            db.SiteSettings.Add(settings);
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, by, AuditActions.SettingsSaved, AuditSubject.Settings, changed));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new SettingsConflictException();
        }

        schedule.Apply(settings);
        store.Forget();
        await cache.InvalidateAsync(cancellationToken);
        return settings;
    }

    /// <summary>Everything a save checks before anything is written.</summary>
    public static void Validate(SiteSettings settings)
    {
        settings.Validate();
        settings.ScheduleCron = RecurringJobSchedule.Validate(settings.ScheduleCron);
        settings.FindTimeZone();
        if (settings.BaseUrl is { Length: > 0 } baseUrl
            && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new DomainException($"The base URL must be an absolute http(s) address such as https://digest.example.com/, not \"{baseUrl}\".");
        }

        if (settings.Cover.Image is { Length: > 0 } image && !Uri.TryCreate(image, UriKind.RelativeOrAbsolute, out _))
        {
            throw new DomainException("The cover image must be a URL or a path on this site.");
        }

        if (settings.PredictionSubjects.Count > 10)
        {
            throw new DomainException("At most 10 prediction subjects.");
        }
    }

    private static Dictionary<string, string> Describe(SiteSettings s) => new()
    {
        ["title"] = s.Title,
        ["description"] = s.Description,
        ["base URL"] = s.BaseUrl ?? "",
        ["post title"] = s.PostTitle,
        ["author"] = s.Author,
        ["notice"] = s.NoticeText,
        ["default tags"] = string.Join(",", s.DefaultTags),
        ["cover"] = $"{s.Cover.Image}|{s.Cover.Alt}|{s.Cover.Hidden}",
        ["schedule"] = $"{s.ScheduleCron} ({s.TimeZone})",
        ["topics"] = s.TopicCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["trending"] = s.TrendingCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["prediction subjects"] = string.Join("|", s.PredictionSubjects),
        ["feed length"] = s.FeedLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Changed(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changed = before.Where(kv => after[kv.Key] != kv.Value).Select(kv => kv.Key is "schedule" ? $"schedule → {after[kv.Key]}" : kv.Key).ToList();
        return changed.Count == 0 ? "no changes" : string.Join(", ", changed);
    }
}

/// <summary>The settings as the admin's form has them.</summary>
public sealed record SiteSettingsEdit(
    string Title,
    string Description,
    string? BaseUrl,
    string PostTitle,
    string Author,
    string NoticeText,
    IReadOnlyList<string> DefaultTags,
    Cover Cover,
    string ScheduleCron,
    string TimeZone,
    int TopicCount,
    int TrendingCount,
    IReadOnlyList<string> PredictionSubjects)
{
    /// <summary>How many posts the feeds carry; 0 is every post.</summary>
    public int FeedLength { get; init; } = SiteSettings.DefaultFeedLength;

    public static SiteSettingsEdit From(SiteSettings s) => new(
        s.Title, s.Description, s.BaseUrl, s.PostTitle, s.Author, s.NoticeText, s.DefaultTags, s.Cover,
        s.ScheduleCron, s.TimeZone, s.TopicCount, s.TrendingCount, s.PredictionSubjects) { FeedLength = s.FeedLength };

    internal void ApplyTo(SiteSettings s)
    {
        s.Title = Title.Trim();
        s.Description = Description.Trim();
        s.BaseUrl = string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl.Trim();
        s.PostTitle = PostTitle.Trim();
        s.Author = Author.Trim();
        s.NoticeText = NoticeText.Trim();
        s.DefaultTags = [.. DefaultTags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        s.Cover = new Cover(Blank(Cover.Image), Blank(Cover.Alt), Cover.Hidden);
        s.ScheduleCron = ScheduleCron.Trim();
        s.TimeZone = TimeZone.Trim();
        s.TopicCount = TopicCount;
        s.TrendingCount = TrendingCount;
        s.PredictionSubjects = [.. PredictionSubjects.Select(t => t.Trim()).Where(t => t.Length > 0)];
        s.FeedLength = FeedLength;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Another admin saved the settings since this form was opened.</summary>
public sealed class SettingsConflictException() : Exception("Another admin saved the settings after you opened them. Reload to see their version; your changes were not saved.");
