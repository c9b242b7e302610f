using Digest.Domain.Settings;
using Digest.Domain.Sources;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Sources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Data;

/// <summary>
/// On the first start only (no settings row yet): the settings and the default sources. Deleting the
/// default sources later is the owner's choice and they do not come back.
/// </summary>
public sealed class DatabaseSeeder(DigestDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(cancellationToken);
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SiteSettings.Add(new SiteSettings());
        if (!await db.Sources.AnyAsync(cancellationToken))
        {
            db.Sources.AddRange(DefaultSourceList());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment may have seeded first; its rows are as good as ours.
            db.ChangeTracker.Clear();
            if (!await db.SiteSettings.AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        var missing = Roles.All.Where(role => !existing.Contains(role)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Roles.AddRange(missing.Select(name => new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Source> DefaultSourceList() => DefaultSources.Create();
}
