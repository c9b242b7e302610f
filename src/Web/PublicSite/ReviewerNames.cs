using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.PublicSite;

/// <summary>
/// A post records who reviewed it by account name; readers see that editor's public name (the display name
/// they chose, else the account's address, as <see cref="Infrastructure.Identity.ApplicationUser.PublicName"/> has it).
/// Names without an account ("command line", "schedule") are shown as recorded.
/// </summary>
public sealed class ReviewerNames(DigestDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(IEnumerable<string?> reviewers, CancellationToken cancellationToken = default)
    {
        var names = reviewers.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var map = names.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return map;
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!) || names.Contains(u.Email!))
            .Select(u => new { u.UserName, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var user in users.Where(u => !string.IsNullOrWhiteSpace(u.DisplayName)))
        {
            foreach (var key in new[] { user.UserName, user.Email }.OfType<string>().Where(map.ContainsKey))
            {
                map[key] = user.DisplayName!.Trim();
            }
        }

        return map;
    }

    public async Task<string?> ForAsync(string? reviewer, CancellationToken cancellationToken = default) =>
        reviewer is null ? null : (await ForAsync([reviewer], cancellationToken)).GetValueOrDefault(reviewer, reviewer);
}
