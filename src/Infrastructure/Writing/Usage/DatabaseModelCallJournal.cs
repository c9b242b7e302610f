using Digest.Domain.Generation;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// The cost ledger in the database. Sections are written in parallel and a DbContext serves one caller at a
/// time, so every call here works in a scope of its own.
/// </summary>
public sealed class DatabaseModelCallJournal(IServiceScopeFactory scopes, TimeProvider clock) : IModelCallJournal
{
    public async Task RecordAsync(ModelCallEntry entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        db.Set<ModelCallEntry>().Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<long> TokensUsedTodayAsync(string model, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        return await TokensUsedSinceAsync(db, model, StartOfDay(clock.GetUtcNow(), settings.FindTimeZone()), cancellationToken);
    }

    /// <summary>Tokens <paramref name="model"/> was sent and gave back since <paramref name="since"/>; cached answers cost none.</summary>
    internal static async Task<long> TokensUsedSinceAsync(DigestDbContext db, string model, DateTime since, CancellationToken cancellationToken)
    {
        // Summed in memory: SQLite cannot SUM into a long through EF without a cast per row, and a day has few calls.
        var used = await db.Set<ModelCallEntry>().AsNoTracking()
            .Where(c => c.Model == model && c.At >= since && !c.FromCache)
            .Select(c => new { c.PromptTokens, c.CompletionTokens })
            .ToListAsync(cancellationToken);
        return used.Sum(c => (long)c.PromptTokens + c.CompletionTokens);
    }

    /// <summary>Midnight of <paramref name="now"/>'s day in <paramref name="zone"/>, in UTC.</summary>
    public static DateTime StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day starts at the first moment that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
