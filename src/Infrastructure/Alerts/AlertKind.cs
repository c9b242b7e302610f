namespace Digest.Infrastructure.Alerts;

/// <summary>What an editor or operator is told about. Each has a rule in Settings: which channels, and a threshold.</summary>
public enum AlertKind
{
    /// <summary>No draft for an edition some minutes after its scheduled time.</summary>
    EditionMissing,
    /// <summary>A source failed some fetches in a row.</summary>
    SourceFailing,
    /// <summary>A draft has waited for review for some hours.</summary>
    DraftWaiting,
    /// <summary>A run's or the day's token budget stopped a run before every section was written.</summary>
    BudgetStopped,
    /// <summary>A new draft is ready for review.</summary>
    DraftReady,
}

public static class AlertKinds
{
    public static readonly IReadOnlyList<AlertKind> All = Enum.GetValues<AlertKind>();

    /// <summary>The name webhooks and the audit log use, e.g. "edition-missing".</summary>
    public static string Slug(this AlertKind kind) => kind switch
    {
        AlertKind.EditionMissing => "edition-missing",
        AlertKind.SourceFailing => "source-failing",
        AlertKind.DraftWaiting => "draft-waiting",
        AlertKind.BudgetStopped => "budget-stopped",
        AlertKind.DraftReady => "draft-ready",
        _ => kind.ToString(),
    };

    public static string Describe(this AlertKind kind) => kind switch
    {
        AlertKind.EditionMissing => "An edition is missing after its scheduled time",
        AlertKind.SourceFailing => "A source keeps failing",
        AlertKind.DraftWaiting => "A draft waits too long for review",
        AlertKind.BudgetStopped => "A run was stopped by the token budget",
        AlertKind.DraftReady => "A draft is ready for review",
        _ => kind.ToString(),
    };

    /// <summary>Problems are warnings; news is information.</summary>
    public static bool IsProblem(this AlertKind kind) => kind != AlertKind.DraftReady;

    /// <summary>What the threshold counts, or null when the alert has none.</summary>
    public static ThresholdSpec? Threshold(this AlertKind kind) => kind switch
    {
        AlertKind.EditionMissing => new ThresholdSpec("minutes after the scheduled time", 60, 5, 24 * 60),
        AlertKind.SourceFailing => new ThresholdSpec("failures in a row", 3, 1, 100),
        AlertKind.DraftWaiting => new ThresholdSpec("hours", 8, 1, 7 * 24),
        _ => null,
    };
}

/// <summary>A rule's threshold: what it counts, its default and the range an admin may set.</summary>
public sealed record ThresholdSpec(string Unit, int Default, int Min, int Max);
