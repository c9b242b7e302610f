using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Alerts;

/// <summary>One round of alerting (the job runs it every minute): find what the rules that are on care about, tell what is new, retry what failed.</summary>
public sealed class AlertMonitor(DigestDbContext db, AlertConditions conditions, AlertDispatcher dispatcher, TimeProvider clock)
{
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var rules = await LoadRulesAsync(db, cancellationToken);
        var raised = 0;
        foreach (var alert in await conditions.FindAsync(rules, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            if (await dispatcher.RaiseAsync(alert, rules.Single(r => r.Kind == alert.Kind), cancellationToken))
            {
                raised++;
            }
        }

        await dispatcher.RetryDueAsync(cancellationToken);
        return raised;
    }

    /// <summary>Every kind's rule, the stored one or the default (off).</summary>
    public static async Task<IReadOnlyList<AlertRule>> LoadRulesAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Set<AlertRule>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. AlertKinds.All.Select(kind => stored.SingleOrDefault(r => r.Kind == kind) ?? AlertRule.Default(kind))];
    }
}
