using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Audit;

/// <summary>Reads the audit log, newest first, a page at a time.</summary>
public sealed class AuditLog(DigestDbContext db)
{
    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.SubjectKind))
        {
            entries = entries.Where(e => e.SubjectKind == query.SubjectKind);
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            entries = entries.Where(e => e.SubjectId == query.SubjectId);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(e => e.Actor.Contains(actor));
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }
}

public sealed record AuditQuery(int Skip = 0, int Take = 50, string? SubjectKind = null, string? SubjectId = null, string? Actor = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
