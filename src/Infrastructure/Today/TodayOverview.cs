using Digest.Domain.Posts;

namespace Digest.Infrastructure.Today;

/// <summary>Everything the Today screen shows, read at one moment.</summary>
public sealed record TodayOverview(
    EditionOverview Edition,
    NextRun? NextRun,
    IReadOnlyList<FailingSource> FailingSources,
    IReadOnlyList<WaitingDraft> OlderDrafts,
    MonthUsage Usage,
    IReadOnlyList<RunSummary> RecentRuns);

/// <summary>Where today's edition stands, from "no run yet" to "published".</summary>
public enum EditionStage
{
    NotStarted,
    Generating,
    DraftWaiting,
    Scheduled,
    Published,
    Rejected,
    Failed,
}

/// <param name="Edition">Today's date in the site's time zone: the edition the daily run writes.</param>
/// <param name="Post">The edition's post, once there is one.</param>
/// <param name="Findings">What the quality gate says about a waiting draft (empty otherwise).</param>
/// <param name="Run">The latest generation run for the edition, if any.</param>
public sealed record EditionOverview(DateOnly Edition, EditionStage Stage, EditionPost? Post, IReadOnlyList<string> Findings, RunSummary? Run);

public sealed record EditionPost(Guid Id, string Title, string Slug, PostStatus Status, string? LeadTopic, DateTime? ScheduledFor, DateTime? PublishedAt, string? RejectionReason, string? ReviewedBy);

/// <summary>When the daily run fires next, in UTC and in the site's time zone.</summary>
public sealed record NextRun(DateTimeOffset At, DateTime Local, string TimeZoneId);

public sealed record FailingSource(Guid Id, string Name, string Problem);

public sealed record WaitingDraft(Guid Id, string Title, DateOnly? Edition, PostStatus Status, DateTime CreatedAt, string? LeadTopic);

/// <summary>What the model cost since the first of the month (site time zone), from the call ledger.</summary>
public sealed record MonthUsage(DateOnly Month, long Tokens, decimal EstimatedCost, int ModelCalls, string Currency, bool ModelConfigured);
