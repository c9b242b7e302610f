using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// Reservations as rows in the database, so that every process — both job servers of a two-instance install, the
/// site's regenerations and dry runs, a verb — counts every other's calls in flight before spending. A reservation
/// is checked and written in one transaction that holds a lock per model (PostgreSQL: an advisory transaction lock;
/// SQLite: the database's single writer, taken by writing the row first), so two processes can never both fit in
/// the last tokens of the day.
/// </summary>
public sealed class DatabaseTokenReservations(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan lifetime) : ITokenReservations
{
    public async Task<Guid?> TryReserveAsync(string model, int tokens, long budget, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TransactionLock.TakeAsync(db, "digest.tokens:" + model.ToUpperInvariant(), cancellationToken);

        var now = clock.GetUtcNow();
        var reservation = TokenReservation.Create(model, tokens, now.UtcDateTime, lifetime);
        db.Set<TokenReservation>().Add(reservation);
        await db.SaveChangesAsync(cancellationToken);

        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var used = await DatabaseModelCallJournal.TokensUsedSinceAsync(db, model, DatabaseModelCallJournal.StartOfDay(now, settings.FindTimeZone()), cancellationToken);
        var reserved = await ReservedAsync(db, model, now.UtcDateTime, cancellationToken);
        if (used + reserved > budget)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        // Lapsed reservations of dead processes no longer count; clear them out while the lock is held.
        await db.Set<TokenReservation>().Where(r => r.Model == model && r.ExpiresAt <= now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reservation.Id;
    }

    public async Task ReleaseAsync(Guid reservation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await db.Set<TokenReservation>().Where(r => r.Id == reservation).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task<long> ReservedAsync(DigestDbContext db, string model, DateTime now, CancellationToken cancellationToken)
    {
        // Summed in memory, like the ledger: SQLite cannot SUM into a long through EF, and few calls are ever in flight.
        var tokens = await db.Set<TokenReservation>().AsNoTracking()
            .Where(r => r.Model == model && r.ExpiresAt > now)
            .Select(r => r.Tokens)
            .ToListAsync(cancellationToken);
        return tokens.Sum(t => (long)t);
    }
}
