using Digest.Domain.Generation;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Generation;

/// <summary>A run recovery failed, and whether the day's generation should be tried again for it.</summary>
public sealed record RecoveredRun(Guid RunId, DateOnly Edition, string? JobId, bool Retry, string Message);

/// <summary>
/// Finds runs left Running by a process that died (kill -9, a crash, a lost machine) and fails them with the reason,
/// so no run hangs and the edition is free again. The day's generation is retried once, automatically, while the
/// edition is still today's (in the schedule's time zone) and has no draft; a retry's own death is not retried.
/// Failing a run is one conditional update, so several instances sweeping at once fail it (and retry it) once.
/// </summary>
public sealed class RunRecovery(DigestDbContext db, IServiceProvider services, TimeProvider clock)
{
    /// <summary>How an automatic retry's trigger starts; a run with such a trigger is never retried again.</summary>
    public const string RecoveryTrigger = "recovery";

    private GenerationOptions Options => services.GetService<GenerationOptions>() ?? new GenerationOptions();

    /// <summary>Its process is certainly gone, or it has not said it is alive for longer than the lease timeout.</summary>
    public bool IsDead(GenerationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status == RunStatus.Running
            && (RunOwner.IsCertainlyGone(run.Owner) || (run.HeartbeatAt ?? run.StartedAt) < Now() - Options.LeaseTimeout);
    }

    /// <summary>Fails every dead run and says which editions to generate again.</summary>
    public async Task<IReadOnlyList<RecoveredRun>> SweepAsync(CancellationToken cancellationToken)
    {
        var running = await db.GenerationRuns.AsNoTracking().Where(r => r.Status == RunStatus.Running).ToListAsync(cancellationToken);
        var recovered = new List<RecoveredRun>();
        foreach (var run in running.Where(IsDead))
        {
            var (retry, note) = await RetryDecisionAsync(run, cancellationToken);
            if (await FailDeadAsync(run, cancellationToken, note) is { } message)
            {
                recovered.Add(new RecoveredRun(run.Id, run.EditionDate, run.JobId, retry, message));
            }
        }

        return recovered;
    }

    /// <summary>Fails <paramref name="run"/> if it is still Running as we saw it; returns the message it was failed with, or null.</summary>
    public async Task<string?> FailDeadAsync(GenerationRun run, CancellationToken cancellationToken, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var seen = run.HeartbeatAt;
        var message = $"The process writing this run ({RunOwner.Describe(run.Owner)}) stopped without finishing: no sign of life since " +
            $"{seen ?? run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC." + (note is null ? "" : " " + note);
        var now = Now();
        var failed = await db.GenerationRuns
            .Where(r => r.Id == run.Id && r.Status == RunStatus.Running && r.HeartbeatAt == seen)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Message, message),
                cancellationToken);
        if (failed == 0)
        {
            return null;
        }

        db.Audit(clock, AuditActions.RunRecovered, AuditSubject.Job("generation", run.Id.ToString()), $"{run.EditionDate:yyyy-MM-dd}: {message}", actor: "recovery");
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private async Task<(bool Retry, string Note)> RetryDecisionAsync(GenerationRun run, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.FindTimeZone()).DateTime);
        if (run.EditionDate != today)
        {
            return (false, $"It was not retried: the day of the {run.EditionDate:yyyy-MM-dd} edition is over.");
        }

        if (await db.Posts.AnyAsync(p => p.EditionDate == run.EditionDate, cancellationToken))
        {
            return (false, "It was not retried: the edition has a draft.");
        }

        if (run.Trigger.StartsWith(RecoveryTrigger, StringComparison.Ordinal)
            || await db.GenerationRuns.AnyAsync(r => r.EditionDate == run.EditionDate && r.Id != run.Id && r.Trigger.StartsWith(RecoveryTrigger), cancellationToken))
        {
            return (false, "It was not retried again: the day's one automatic retry was already made.");
        }

        return (true, "The day's generation was retried automatically.");
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
