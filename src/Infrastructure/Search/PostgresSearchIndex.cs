using Digest.Domain.Posts;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Digest.Infrastructure.Search;

/// <summary>
/// The PostgreSQL search index: a stored generated <c>tsvector</c> column (title weighted above the text) with a GIN
/// index. It is a shadow property of the PostgreSQL model only, so the domain and the SQLite model know nothing of it.
/// </summary>
public static class PostgresSearchIndex
{
    public const string Column = "SearchVector";
    public const string Config = "english";

    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var post = builder.Entity<Post>();
        post.Property<NpgsqlTsVector>(Column)
            .HasComputedColumnSql(
                $"""setweight(to_tsvector('{Config}'::regconfig, coalesce("Title", '')), 'A') || setweight(to_tsvector('{Config}'::regconfig, coalesce("SearchText", '')), 'B')""",
                stored: true);
        post.HasIndex(Column).HasMethod("GIN");
    }
}
