using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Data;

/// <summary>
/// A named lock held until the current transaction ends, shared by every process on the database. PostgreSQL takes an
/// advisory transaction lock; SQLite needs none, because EF begins its transactions IMMEDIATE there, which takes the
/// database's single write lock for the whole transaction.
/// </summary>
public static class TransactionLock
{
    public static async Task TakeAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The lock \"{name}\" is held until a transaction ends; begin one first.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key(name)})", cancellationToken);
        }
    }

    /// <summary>A stable 64-bit key per name (FNV-1a), the same in every process.</summary>
    public static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
