using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Hangfire;

namespace Digest.Infrastructure.Jobs;

/// <summary>Jobs a person starts by hand, each recorded in the audit log with who, when and from where.</summary>
public sealed class JobTriggers(IBackgroundJobClient jobs, DigestDbContext db, TimeProvider clock)
{
    /// <summary>Queues today's generation ("Generate now"); returns the Hangfire job id.</summary>
    public async Task<string> GenerateNowAsync(string by, CancellationToken cancellationToken = default)
    {
        var trigger = $"dashboard ({by})";
        var id = jobs.Enqueue<GenerateDailyDigestJob>(job => job.RunAsync(trigger, CancellationToken.None));
        db.Audit(clock, AuditActions.JobTriggered, AuditSubject.Job("generate the daily digest", id), "Generate now", by);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
