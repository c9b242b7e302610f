using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Digest.Infrastructure.Search;

/// <summary>
/// Full-text search over published posts: PostgreSQL's <c>websearch_to_tsquery</c> on the generated column, or
/// SQLite's FTS5 on the embedded default. Any input gives results or none, never an error.
/// </summary>
public sealed class PostSearch(DigestDbContext db, DatabaseOptions database)
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.IsEmpty)
        {
            return [];
        }

        return database.Provider == DatabaseProvider.Postgres
            ? await PostgresAsync(terms, cancellationToken)
            : await SqliteAsync(terms, cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> PostgresAsync(SearchTerms terms, CancellationToken cancellationToken)
    {
        // websearch_to_tsquery accepts any text (quotes make phrases, "or" and "-" work as readers expect).
        // The words alone are a fallback for input it reduces to nothing, e.g. only stop words around symbols.
        var query = terms.Text;
        return await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.ContentHtml != null)
            .Where(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Matches(EF.Functions.WebSearchToTsQuery(PostgresSearchIndex.Config, query)))
            .OrderByDescending(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Rank(EF.Functions.WebSearchToTsQuery(PostgresSearchIndex.Config, query)))
            .ThenByDescending(p => p.Date)
            .Take(MaxResults)
            .Select(p => new SearchHit(p.Slug, p.Title, p.Date, p.WordCount, p.Description, p.ContentHtml))
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> SqliteAsync(SearchTerms terms, CancellationToken cancellationToken)
    {
        var match = terms.ToFts5Query();
        // bm25 weights: the id column counts for nothing, the title ten times the text.
        var ids = await db.Database
            .SqlQuery<Guid>($"""SELECT "PostId" AS "Value" FROM "posts_search" WHERE "posts_search" MATCH {match} ORDER BY bm25("posts_search", 0.0, 10.0, 1.0) LIMIT 500""")
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rank = ids.Select((id, i) => (id, i)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Min(x => x.i));
        var hits = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status == PostStatus.Published && p.ContentHtml != null)
            .Select(p => new { p.Id, Hit = new SearchHit(p.Slug, p.Title, p.Date, p.WordCount, p.Description, p.ContentHtml) })
            .ToListAsync(cancellationToken);
        return [.. hits.OrderBy(h => rank[h.Id]).ThenByDescending(h => h.Hit.Date).Take(MaxResults).Select(h => h.Hit)];
    }
}
