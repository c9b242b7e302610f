using Digest.Domain.Common;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// The prompts in the database: every version of every prompt, one active per name. The shipped prompts
/// (<see cref="DefaultPrompts"/>) are stored as version 1 the first time they are needed.
/// </summary>
public sealed class PromptLibrary(DigestDbContext db, TimeProvider clock)
{
    public const string ShippedBy = "Digest (shipped default)";

    private DbSet<PromptVersion> Versions => db.Set<PromptVersion>();

    /// <summary>The active version of each prompt, in the order the writer uses them.</summary>
    public async Task<IReadOnlyList<PromptVersion>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSeededAsync(cancellationToken);
        var active = await Versions.AsNoTracking().Where(v => v.IsActive).ToListAsync(cancellationToken);
        return [.. active.OrderBy(v => Order(v.Name)).ThenBy(v => v.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<PromptVersion>> HistoryAsync(string name, CancellationToken cancellationToken = default)
    {
        await EnsureSeededAsync(cancellationToken);
        return await Versions.AsNoTracking().Where(v => v.Name == name).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
    }

    public async Task<PromptTemplate?> FindActiveAsync(string name, CancellationToken cancellationToken = default)
    {
        var active = await Versions.AsNoTracking().Where(v => v.Name == name && v.IsActive).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        var shipped = DefaultPrompts.All.FirstOrDefault(p => p.Name == name);
        if (shipped is not null && (active is null || (active.CreatedBy == ShippedBy && active.Version < shipped.Version)))
        {
            await EnsureSeededAsync(cancellationToken);
            active = await Versions.AsNoTracking().Where(v => v.Name == name && v.IsActive).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        }

        return active?.ToTemplate();
    }

    /// <summary>Stores <paramref name="text"/> as the next version of <paramref name="name"/> and makes it the active one.</summary>
    public async Task<PromptVersion> SaveAsync(string name, string text, string by, CancellationToken cancellationToken = default)
    {
        var shipped = DefaultPrompts.All.FirstOrDefault(p => p.Name == name) ?? throw new DomainException($"There is no prompt named \"{name}\".");
        var normalized = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (PromptRules.Problems(shipped, normalized) is { Count: > 0 } problems)
        {
            throw new DomainException($"The prompt was not saved: {string.Join(" ", problems)}");
        }

        await EnsureSeededAsync(cancellationToken);
        var versions = await Versions.Where(v => v.Name == name).ToListAsync(cancellationToken);
        var saved = PromptVersion.Create(name, versions.Max(v => v.Version) + 1, normalized, by, clock.GetUtcNow().UtcDateTime);
        versions.ForEach(v => v.Deactivate());
        Versions.Add(saved);
        db.Audit(clock, AuditActions.PromptSaved, AuditSubject.Prompt(name), $"saved as v{saved.Version} ({normalized.Length} characters) and made active", by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException($"Someone else saved a new version of \"{name}\" at the same moment. Reload and try again.");
        }

        return saved;
    }

    /// <summary>Makes an earlier version the active one again (a rollback); nothing is deleted.</summary>
    public async Task ActivateAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        var versions = await Versions.Where(v => v.Name == name).ToListAsync(cancellationToken);
        var chosen = versions.FirstOrDefault(v => v.Version == version) ?? throw new DomainException($"There is no version {version} of \"{name}\".");
        var previous = versions.FirstOrDefault(v => v.IsActive)?.Version;
        versions.ForEach(v => v.Deactivate());
        chosen.Activate();
        db.Audit(clock, AuditActions.PromptActivated, AuditSubject.Prompt(name), $"v{version} made active again{(previous is { } p ? $" (was v{p})" : "")}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Stores each shipped prompt that has no version yet, and a newer shipped version of a prompt nobody has edited
    /// (every stored version is a shipped one), making it the active one. A prompt an admin has edited is left as
    /// it is: their text wins over a new default.
    /// </summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken = default)
    {
        if (!NeedsSeeding(await StoredAsync(cancellationToken), out _, out _))
        {
            return;
        }

        // Several scopes (the sections of one run are written in parallel, a second instance) can get here at once.
        // One seeds under a lock; the others find the rows once it is theirs. Without the lock, two inserting the same
        // rows in different orders deadlock on PostgreSQL's unique index.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await TransactionLock.TakeAsync(db, "digest.prompts.seed", cancellationToken);
        if (!NeedsSeeding(await StoredAsync(cancellationToken), out var missing, out var outdated))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var prompt in missing)
        {
            Versions.Add(PromptVersion.Create(prompt.Name, prompt.Version, prompt.Text, ShippedBy, now));
        }

        foreach (var prompt in outdated)
        {
            (await Versions.Where(v => v.Name == prompt.Name).ToListAsync(cancellationToken)).ForEach(v => v.Deactivate());
            Versions.Add(PromptVersion.Create(prompt.Name, prompt.Version, prompt.Text, ShippedBy, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<List<(string Name, int Version, string CreatedBy)>> StoredAsync(CancellationToken cancellationToken) =>
        [.. (await Versions.AsNoTracking().Select(v => new { v.Name, v.Version, v.CreatedBy }).ToListAsync(cancellationToken))
            .Select(v => (v.Name, v.Version, v.CreatedBy))];

    private static bool NeedsSeeding(List<(string Name, int Version, string CreatedBy)> stored, out List<PromptTemplate> missing, out List<PromptTemplate> outdated)
    {
        missing = [.. DefaultPrompts.All.Where(p => stored.All(s => s.Name != p.Name))];
        outdated = [.. DefaultPrompts.All
            .Where(p => stored.Any(s => s.Name == p.Name) && stored.Where(s => s.Name == p.Name).All(s => s.CreatedBy == ShippedBy && s.Version < p.Version))];
        return missing.Count > 0 || outdated.Count > 0;
    }

    private static int Order(string name)
    {
        var index = DefaultPrompts.All.ToList().FindIndex(p => p.Name == name);
        return index < 0 ? int.MaxValue : index;
    }
}
