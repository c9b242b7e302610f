using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Sending;

/// <summary>
/// Who may work a mailing: one worker at a time, across processes and machines, through a row in the database. The lease
/// is renewed with every delivery it records (see <see cref="Mailing.Renew"/>); a worker that died leaves it to expire.
/// </summary>
internal static class MailingLease
{
    public static string NewOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public static async Task<bool> TryTakeAsync(DigestDbContext db, Guid mailingId, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = now + lease;
        var taken = await db.Set<Mailing>()
            .Where(m => m.Id == mailingId && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, until), cancellationToken);
        return taken == 1;
    }

    public static Task ReleaseAsync(DigestDbContext db, Guid mailingId, string owner) =>
        db.Set<Mailing>()
            .Where(m => m.Id == mailingId && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
}
