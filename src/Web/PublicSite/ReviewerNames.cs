using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.PublicSite;

/// <summary>
/// A post records who reviewed it by account name (the sign-in address); readers see that account's public name, or
/// its role ("an editor") when it has none, and never an address: a recorded address whose account is gone becomes
/// "an editor" too. Names that are no account ("command line", "schedule", public names recorded by older versions)
/// are shown as recorded.
/// </summary>
public sealed class ReviewerNames(DigestDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(IEnumerable<string?> reviewers, CancellationToken cancellationToken = default)
    {
        var names = reviewers.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var map = names.ToDictionary(n => n, n => DisplayNames.LooksLikeAddress(n) ? DisplayNames.Unnamed : n, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return map;
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!) || names.Contains(u.Email!))
            .Select(u => new { u.Id, u.UserName, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var unnamed = users.Where(u => string.IsNullOrWhiteSpace(u.DisplayName)).Select(u => u.Id).ToList();
        var roles = unnamed.Count == 0
            ? []
            : await (from userRole in db.UserRoles
                     join role in db.Roles on userRole.RoleId equals role.Id
                     where unnamed.Contains(userRole.UserId)
                     select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var shown = string.IsNullOrWhiteSpace(user.DisplayName) || DisplayNames.LooksLikeAddress(user.DisplayName)
                ? DisplayNames.ForRoles(roles.Where(r => r.UserId == user.Id).Select(r => r.Name))
                : user.DisplayName.Trim();
            foreach (var key in new[] { user.UserName, user.Email }.OfType<string>().Where(map.ContainsKey))
            {
                map[key] = shown;
            }
        }

        return map;
    }

    public async Task<string?> ForAsync(string? reviewer, CancellationToken cancellationToken = default) =>
        reviewer is null ? null : (await ForAsync([reviewer], cancellationToken)).GetValueOrDefault(reviewer, DisplayNames.Unnamed);
}
