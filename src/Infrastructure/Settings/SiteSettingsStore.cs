using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Freshness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Settings;

/// <summary>
/// The site settings as every page needs them (title, description, base URL), read once per change of the site's
/// stamp: saving settings in any process moves the stamp (<see cref="SiteStampInterceptor"/>), so every instance reads
/// them again within <see cref="SiteStampReader.CheckInterval"/>. It reads through a scope of its own, so a layout
/// and its page never share a DbContext at once. Saving in this process also calls <see cref="Forget"/>.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, SiteStampReader stamps)
{
    private volatile Snapshot? _current;

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await stamps.CurrentAsync(cancellationToken);
        if (_current is { } current && current.Stamp == stamp)
        {
            return current.Settings;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        _current = new Snapshot(settings, stamp);
        return settings;
    }

    public void Forget()
    {
        _current = null;
        stamps.Expire();
    }

    private sealed record Snapshot(SiteSettings Settings, Guid Stamp);
}
