using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Settings;

/// <summary>
/// The site settings as every page needs them (title, description, base URL), read once and kept for a short
/// while. It reads through a scope of its own, so a layout and its page never share a DbContext at once.
/// Saving settings calls <see cref="Forget"/>; other instances see a change within <see cref="Lifetime"/>.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _current;

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_current is { } current && now - current.ReadAt < Lifetime)
        {
            return current.Settings;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        _current = new Snapshot(settings, now);
        return settings;
    }

    public void Forget() => _current = null;

    private sealed record Snapshot(SiteSettings Settings, DateTimeOffset ReadAt);
}
