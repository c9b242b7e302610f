using System.Runtime.ExceptionServices;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Jobs;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Generation;

/// <summary>
/// The lock that gives an edition one generation at a time, across processes and instances on one database: the run
/// itself, stored as Running before anything is fetched or any model is called. A unique index allows one Running
/// run per edition, so a second trigger's insert fails, and that trigger records a Skipped run and spends nothing.
/// The holder keeps a heartbeat on its run; a holder that is certainly gone, or silent for longer than the lease
/// timeout, is failed by <see cref="RunRecovery"/> and the edition can be claimed again.
/// </summary>
public sealed class EditionClaim(DigestDbContext db, IServiceProvider services, TimeProvider clock, ILogger<EditionClaim> logger)
{
    private GenerationOptions Options => services.GetService<GenerationOptions>() ?? new GenerationOptions();

    /// <summary>
    /// Stores <paramref name="run"/> as the edition's Running run and returns its lease; or, when another live run
    /// holds the edition, stores it as Skipped (saying which run holds it) and returns null.
    /// </summary>
    public async Task<RunLease?> TryClaimAsync(GenerationRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.OwnedBy(RunOwner.ThisProcess, CurrentJob.Id, Now());
        db.GenerationRuns.Add(run);
        for (var attempt = 0; ; attempt++)
        {
            ExceptionDispatchInfo refused;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return StartLease(run);
            }
            catch (DbUpdateException ex)
            {
                refused = ExceptionDispatchInfo.Capture(ex);
            }

            var holder = await HolderAsync(run, cancellationToken);
            if (holder is null)
            {
                if (attempt > 0)
                {
                    refused.Throw();
                }

                // The holder finished between our insert and our look (or the insert failed for another reason once).
                continue;
            }

            var recovery = ActivatorUtilities.CreateInstance<RunRecovery>(services);
            if (attempt == 0 && recovery.IsDead(holder) && await recovery.FailDeadAsync(holder, cancellationToken, "A new run took the edition.") is not null)
            {
                logger.LogWarning("Run {Run} for {Edition} had no live owner; it was failed and this run takes the edition", holder.Id, run.EditionDate);
                continue;
            }

            run.Skip(
                $"Another run is already writing the draft for {run.EditionDate:yyyy-MM-dd} (started {holder.StartedAt:HH:mm:ss} UTC by {holder.Trigger}, " +
                $"on {RunOwner.Describe(holder.Owner)}); this one stopped before fetching anything or calling a model.",
                Now());
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
    }

    private async Task<GenerationRun?> HolderAsync(GenerationRun run, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var fresh = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        return await fresh.GenerationRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.EditionDate == run.EditionDate && r.Status == RunStatus.Running && r.Id != run.Id, cancellationToken);
    }

    private RunLease StartLease(GenerationRun run)
    {
        var options = Options;
        var lease = new RunLease(run.Id, services.GetRequiredService<IServiceScopeFactory>(), options, clock, logger);
        // The writer leaves what it could not write by the deadline to the editor instead of holding the run open.
        (services.GetService(typeof(WriterRunContext)) as WriterRunContext)?.WithDeadline(options.RunDeadline, lease.Deadline);
        return lease;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// A claimed edition: a heartbeat on the run until it is disposed, the run's deadline, and <see cref="Lost"/> when
/// the run stopped being Running under us (another instance took us for dead) — the work must stop then.
/// </summary>
public sealed class RunLease : IAsyncDisposable
{
    private readonly Guid _runId;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _deadline;
    private readonly Task _heartbeat;

    internal RunLease(Guid runId, IServiceScopeFactory scopes, GenerationOptions options, TimeProvider clock, ILogger logger)
    {
        (_runId, _scopes, _clock, _logger) = (runId, scopes, clock, logger);
        _deadline = new CancellationTokenSource(options.RunDeadline, clock);
        _heartbeat = BeatAsync(options.HeartbeatInterval);
    }

    /// <summary>Cancelled when the run's deadline passes.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>Cancelled when the run is no longer ours.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    private async Task BeatAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
                    var now = _clock.GetUtcNow().UtcDateTime;
                    var updated = await db.GenerationRuns
                        .Where(r => r.Id == _runId && r.Status == RunStatus.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), _stop.Token);
                    if (updated == 0)
                    {
                        _logger.LogWarning("Run {Run} is no longer Running in the database (taken for dead?); stopping its work", _runId);
                        await _lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed beat is not fatal: the lease timeout allows for several.
                    _logger.LogWarning(ex, "Heartbeat of run {Run} failed", _runId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        _stop.Dispose();
        _lost.Dispose();
        _deadline.Dispose();
    }
}
