using Cronos;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Writing;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Today;

/// <summary>
/// Reads the Today screen: the state of today's edition with its gate findings, the next scheduled run, sources
/// failing now, drafts left waiting for more than a day, and this month's model usage. Everything comes from the
/// database, so the screen says the same whichever process (site, job server, command line) did the work.
/// </summary>
public sealed class TodayReport(DigestDbContext db, QualityGate gate, ModelStatus model, TimeProvider clock)
{
    /// <summary>A draft older than this is "waiting too long".</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromDays(1);

    public async Task<TodayOverview> ReadAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var zone = settings.FindTimeZone();
        var now = clock.GetUtcNow();
        var edition = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var overview = await EditionAsync(edition, cancellationToken);
        return new TodayOverview(
            overview,
            Next(settings, zone, now),
            await FailingAsync(now.UtcDateTime, cancellationToken),
            await OlderDraftsAsync(now.UtcDateTime - Stale, overview.Post?.Id, cancellationToken),
            await UsageAsync(now, zone, cancellationToken),
            [.. (await db.GenerationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(5).ToListAsync(cancellationToken)).Select(RunSummary.Of)]);
    }

    public async Task<EditionOverview> EditionAsync(DateOnly edition, CancellationToken cancellationToken = default)
    {
        var latest = await db.GenerationRuns.AsNoTracking().Where(r => r.EditionDate == edition)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        var run = latest is null ? null : RunSummary.Of(latest);
        var post = await db.Posts.AsNoTracking().Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.EditionDate == edition, cancellationToken);
        if (run is { Status: RunStatus.Running })
        {
            return new EditionOverview(edition, EditionStage.Generating, post is null ? null : Summary(post), [], run);
        }

        if (post is null)
        {
            return new EditionOverview(edition, run is { Status: RunStatus.Failed } ? EditionStage.Failed : EditionStage.NotStarted, null, [], run);
        }

        var stage = post.Status switch
        {
            PostStatus.Scheduled => EditionStage.Scheduled,
            PostStatus.Published => EditionStage.Published,
            PostStatus.Rejected => EditionStage.Rejected,
            _ => EditionStage.DraftWaiting,
        };
        var findings = stage == EditionStage.DraftWaiting ? await gate.FindProblemsAsync(post, cancellationToken) : [];
        return new EditionOverview(edition, stage, Summary(post), findings, run);
    }

    private static EditionPost Summary(Post post) =>
        new(post.Id, post.Title, post.Slug, post.Status, LeadTopic(post.Sections), post.ScheduledFor, post.PublishedAt, post.RejectionReason, post.ReviewedBy);

    /// <summary>The heading of the first topic: what tells one day's digest from another's.</summary>
    public static string? LeadTopic(IEnumerable<Section> sections) =>
        sections.Where(s => s.Kind == SectionKind.Topic).OrderBy(s => s.Position).Select(s => s.Heading).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    private static NextRun? Next(SiteSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        try
        {
            var next = CronExpression.Parse(settings.ScheduleCron).GetNextOccurrence(now, zone);
            return next is { } at ? new NextRun(at, TimeZoneInfo.ConvertTime(at, zone).DateTime, zone.Id) : null;
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private async Task<List<FailingSource>> FailingAsync(DateTime now, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().Where(s => s.Enabled && s.ConsecutiveFailures > 0).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return [.. sources.Select(s => (Source: s, Health: s.Health(now))).Where(x => x.Health.IsProblem)
            .Select(x => new FailingSource(x.Source.Id, x.Source.Name, x.Health.LastError ?? x.Health.Describe()))];
    }

    private async Task<List<WaitingDraft>> OlderDraftsAsync(DateTime before, Guid? todays, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => (p.Status == PostStatus.Draft || p.Status == PostStatus.InReview) && p.CreatedAt < before && p.Id != todays)
            .OrderBy(p => p.CreatedAt)
            .Take(10)
            .Select(p => new WaitingDraft(p.Id, p.Title, p.EditionDate, p.Status, p.CreatedAt,
                p.Sections.Where(s => s.Kind == SectionKind.Topic).OrderBy(s => s.Position).Select(s => s.Heading).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private async Task<MonthUsage> UsageAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var since = StartOfMonth(local, zone);
        // Summed here: SQLite cannot SUM a decimal column in SQL, and a month has at most a few thousand calls.
        var calls = await db.Set<ModelCallEntry>().AsNoTracking()
            .Where(c => c.At >= since && !c.FromCache)
            .Select(c => new { c.PromptTokens, c.CompletionTokens, c.EstimatedCost })
            .ToListAsync(cancellationToken);
        return new MonthUsage(
            new DateOnly(local.Year, local.Month, 1),
            calls.Sum(c => (long)c.PromptTokens + c.CompletionTokens),
            calls.Sum(c => c.EstimatedCost),
            calls.Count,
            model.Currency,
            model.IsConfigured);
    }

    /// <summary>Midnight of the first of <paramref name="local"/>'s month in <paramref name="zone"/>, in UTC.</summary>
    internal static DateTime StartOfMonth(DateTimeOffset local, TimeZoneInfo zone)
    {
        var midnight = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the month starts at the first moment that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
