using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Cache;

/// <summary>
/// Answers kept in the database, so a job retried after a restart is not paid for twice. Sections are written in
/// parallel, so every call works in a DbContext of its own.
/// </summary>
public sealed class DatabaseModelResponseCache(IServiceScopeFactory scopes, TimeProvider clock) : IModelResponseCache
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        return await db.Set<CachedModelAnswer>().AsNoTracking().Where(a => a.Key == key).Select(a => a.AnswerJson).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string key, string answerJson, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        db.Set<CachedModelAnswer>().Add(new CachedModelAnswer(key, answerJson, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent run stored the same prompt's answer first; either answer will do.
        }
    }
}
