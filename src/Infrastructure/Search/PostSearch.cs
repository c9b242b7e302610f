using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Digest.Infrastructure.Search;

/// <summary>
/// Full-text search over published posts, a page at a time with the total count: PostgreSQL's text search on the
/// generated column, or SQLite's FTS5 on the embedded default. Every word of a plain query matches as a prefix
/// ("trans" finds "transformer"); a query with quotes, <c>or</c> or <c>-word</c> is read by PostgreSQL as a web search.
/// Any input gives results or none, never an error.
/// </summary>
public sealed class PostSearch(DigestDbContext db, DatabaseOptions database)
{
    public const int PageSize = 10;

    public async Task<SearchResults> SearchAsync(SearchTerms terms, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.IsEmpty)
        {
            return SearchResults.None;
        }

        page = Math.Max(1, page);
        return database.Provider == DatabaseProvider.Postgres
            ? await PostgresAsync(terms, page, cancellationToken)
            : await SqliteAsync(terms, page, cancellationToken);
    }

    private async Task<SearchResults> PostgresAsync(SearchTerms terms, int page, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.ContentHtml != null);
        IQueryable<Post> matching;
        IOrderedQueryable<Post> ranked;
        if (terms.HasOperators)
        {
            // websearch_to_tsquery accepts any text (quotes make phrases, "or" and "-" work as readers expect).
            var query = terms.Text;
            matching = posts.Where(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Matches(EF.Functions.WebSearchToTsQuery(PostgresSearchIndex.Config, query)));
            ranked = matching.OrderByDescending(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Rank(EF.Functions.WebSearchToTsQuery(PostgresSearchIndex.Config, query)));
        }
        else
        {
            // Words are letters and digits only, so "word:*" joined by "&" is always a valid tsquery.
            var prefixes = terms.ToTsQueryPrefixes();
            matching = posts.Where(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Matches(EF.Functions.ToTsQuery(PostgresSearchIndex.Config, prefixes)));
            ranked = matching.OrderByDescending(p => EF.Property<NpgsqlTsVector>(p, PostgresSearchIndex.Column).Rank(EF.Functions.ToTsQuery(PostgresSearchIndex.Config, prefixes)));
        }

        var total = await matching.CountAsync(cancellationToken);
        var hits = await ranked.ThenByDescending(p => p.Date).ThenBy(p => p.Slug)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new SearchHit(p.Slug, p.Title, p.Date, p.WordCount, p.Description, p.ContentHtml))
            .ToListAsync(cancellationToken);
        return new SearchResults(hits, total, page, PageSize);
    }

    private async Task<SearchResults> SqliteAsync(SearchTerms terms, int page, CancellationToken cancellationToken)
    {
        var match = terms.ToFts5Query();
        // The index holds drafts too; only published, rendered posts are results. bm25 weights: the id column counts
        // for nothing, the title ten times the text.
        var total = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM "posts_search" AS s JOIN "posts" AS p ON p."Id" = s."PostId"
            WHERE "posts_search" MATCH {match} AND p."Status" = 'Published' AND p."ContentHtml" IS NOT NULL
            """).SingleAsync(cancellationToken);
        if (total == 0)
        {
            return new SearchResults([], 0, page, PageSize);
        }

        var skip = (page - 1) * PageSize;
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT s."PostId" AS "Value" FROM "posts_search" AS s JOIN "posts" AS p ON p."Id" = s."PostId"
            WHERE "posts_search" MATCH {match} AND p."Status" = 'Published' AND p."ContentHtml" IS NOT NULL
            ORDER BY bm25("posts_search", 0.0, 10.0, 1.0), p."Date" DESC, p."Slug" LIMIT {PageSize} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        var rank = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var hits = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Hit = new SearchHit(p.Slug, p.Title, p.Date, p.WordCount, p.Description, p.ContentHtml) })
            .ToListAsync(cancellationToken);
        return new SearchResults([.. hits.OrderBy(h => rank[h.Id]).Select(h => h.Hit)], total, page, PageSize);
    }
}
