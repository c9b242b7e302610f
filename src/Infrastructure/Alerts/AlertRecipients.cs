using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Alerts;

/// <summary>Who gets alert emails: the addresses set in Settings, else every editor and admin who may still sign in.</summary>
public sealed class AlertRecipients(DigestDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ForEmailAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<AlertSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is { EmailRecipients.Count: > 0 })
        {
            return settings.EmailRecipients;
        }

        var now = clock.GetUtcNow();
        var roleIds = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Editor).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }
}
