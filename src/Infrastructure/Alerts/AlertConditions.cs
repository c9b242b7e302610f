using System.Globalization;
using Cronos;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Alerts;

/// <summary>
/// Looks at the database for what the alert rules care about. Everything is read from rows any process may have
/// written (runs, posts, sources), so a draft made by a verb or by another instance is seen like one made here.
/// Each finding carries a key naming the problem; the dispatcher tells each key once.
/// </summary>
public sealed class AlertConditions(DigestDbContext db)
{
    /// <summary>News older than this is not news any more (a rule switched on today does not announce last week).</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromDays(1);
    private static readonly TimeSpan StaleDrafts = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<RaisedAlert>> FindAsync(IReadOnlyList<AlertRule> rules, DateTime now, CancellationToken cancellationToken)
    {
        var found = new List<RaisedAlert>();
        foreach (var rule in rules.Where(r => r.IsOn))
        {
            found.AddRange(rule.Kind switch
            {
                AlertKind.EditionMissing => await EditionMissingAsync(rule.Threshold, now, cancellationToken),
                AlertKind.SourceFailing => await SourcesFailingAsync(rule.Threshold, cancellationToken),
                AlertKind.DraftWaiting => await DraftsWaitingAsync(rule.Threshold, now, cancellationToken),
                AlertKind.BudgetStopped => await RunsStoppedByBudgetAsync(now, cancellationToken),
                AlertKind.DraftReady => await DraftsReadyAsync(now, cancellationToken),
                _ => [],
            });
        }

        return found;
    }

    private async Task<IEnumerable<RaisedAlert>> EditionMissingAsync(int minutes, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var zone = settings.FindTimeZone();
        var late = now.AddMinutes(-minutes);
        var scheduled = CronExpression.Parse(settings.ScheduleCron)
            .GetOccurrences(DateTime.SpecifyKind(late.AddDays(-1), DateTimeKind.Utc), DateTime.SpecifyKind(late, DateTimeKind.Utc), zone, fromInclusive: true, toInclusive: true)
            .LastOrDefault();
        if (scheduled == default)
        {
            return [];
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(scheduled, zone);
        var edition = DateOnly.FromDateTime(local);
        if (await db.Posts.AsNoTracking().AnyAsync(p => p.EditionDate == edition, cancellationToken))
        {
            return [];
        }

        var lastRun = await db.GenerationRuns.AsNoTracking()
            .Where(r => r.EditionDate == edition)
            .OrderByDescending(r => r.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var why = lastRun switch
        {
            null => "No run has started for it.",
            { Status: RunStatus.Running } => $"A run started at {lastRun.StartedAt:HH:mm} UTC is still going.",
            _ => $"The last run ({lastRun.Status.ToString().ToLowerInvariant()}, {lastRun.Trigger}): {lastRun.Message ?? "no message"}",
        };
        var date = edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [new RaisedAlert(AlertKind.EditionMissing, date,
            $"No draft for {date}",
            $"The edition scheduled for {local:HH:mm} ({zone.Id}) has no draft {minutes} minutes later. {why}",
            "/admin/runs")];
    }

    private async Task<IEnumerable<RaisedAlert>> SourcesFailingAsync(int failures, CancellationToken cancellationToken)
    {
        var failing = await db.Sources.AsNoTracking()
            .Where(s => s.Enabled && s.ConsecutiveFailures >= failures)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        // The streak is named by the last success: after a recovery, a new streak is a new problem.
        return failing.Select(s => new RaisedAlert(AlertKind.SourceFailing,
            $"{s.Id:N}:{s.LastSucceededAt?.Ticks ?? 0}",
            $"Source \"{s.Name}\" failed {s.ConsecutiveFailures} times in a row",
            $"{s.Url} — last error: {s.LastError ?? "unknown"}." + (s.LastSucceededAt is { } ok ? $" Last success {ok:yyyy-MM-dd HH:mm} UTC." : " It has never been fetched successfully."),
            "/admin/sources"));
    }

    private async Task<IEnumerable<RaisedAlert>> DraftsWaitingAsync(int hours, DateTime now, CancellationToken cancellationToken)
    {
        var before = now.AddHours(-hours);
        var since = now - StaleDrafts;
        var waiting = await db.Posts.AsNoTracking()
            .Where(p => (p.Status == PostStatus.Draft || p.Status == PostStatus.InReview) && p.CreatedAt <= before && p.CreatedAt >= since)
            .Select(p => new { p.Id, p.Title, p.Slug, p.Status, p.CreatedAt })
            .ToListAsync(cancellationToken);
        return waiting.Select(p => new RaisedAlert(AlertKind.DraftWaiting,
            p.Id.ToString("N"),
            $"\"{p.Slug}\" has waited {(int)(now - p.CreatedAt).TotalHours} hours",
            $"{p.Title} ({p.Slug}) is {(p.Status == PostStatus.InReview ? "in review" : "a draft")} since {p.CreatedAt:yyyy-MM-dd HH:mm} UTC and nobody has approved, scheduled or rejected it.",
            $"/admin/posts/{p.Id}"));
    }

    private async Task<IEnumerable<RaisedAlert>> RunsStoppedByBudgetAsync(DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Recent;
        var runs = await db.GenerationRuns.AsNoTracking()
            .Where(r => r.BudgetReached && r.StartedAt >= since)
            .ToListAsync(cancellationToken);
        return runs.Select(r => new RaisedAlert(AlertKind.BudgetStopped,
            r.Id.ToString("N"),
            $"The run for {r.EditionDate:yyyy-MM-dd} was stopped by the token budget",
            $"{r.Message ?? "Some sections were left unwritten."} It used {r.TotalTokens:N0} tokens ({r.ModelCalls} model calls).",
            "/admin/runs"));
    }

    private async Task<IEnumerable<RaisedAlert>> DraftsReadyAsync(DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Recent;
        var drafts = await db.Posts.AsNoTracking()
            .Where(p => p.Origin == PostOrigin.Generated && (p.Status == PostStatus.Draft || p.Status == PostStatus.InReview) && p.CreatedAt >= since)
            .Select(p => new { p.Id, p.Title, p.Slug, p.EditionDate, p.WrittenBy })
            .ToListAsync(cancellationToken);
        return drafts.Select(p => new RaisedAlert(AlertKind.DraftReady,
            p.Id.ToString("N"),
            $"The draft for {p.EditionDate:yyyy-MM-dd} is ready for review",
            $"{p.Title} ({p.Slug}), written by {p.WrittenBy ?? "the writer"}, waits for an editor.",
            $"/admin/posts/{p.Id}"));
    }
}
