using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Editing;

/// <summary>
/// The posts list of the dashboard: filtered, sorted and paged in the database, reading only the columns a row
/// shows (never the rendered HTML), so a page costs the same with twenty posts or twenty thousand.
/// </summary>
public sealed class PostGrid(DigestDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<PostGridPage> QueryAsync(PostGridQuery query, CancellationToken cancellationToken = default)
    {
        var posts = db.Posts.AsNoTracking();
        if (query.Status is { } status)
        {
            posts = posts.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            posts = posts.Where(p => p.Tags.Contains(tag));
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            posts = posts.Where(p => p.Date >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            posts = posts.Where(p => p.Date < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            // Translated to SQL lower(): the same case-insensitive match on SQLite and PostgreSQL.
#pragma warning disable CA1304, CA1311, CA1862
            // Every generated post has the same title: its topics' headings are what an editor remembers it by.
            posts = posts.Where(p => p.Title.ToLower().Contains(text) || p.Slug.Contains(text)
                || p.Sections.Any(s => s.Heading != null && s.Heading.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await posts.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await Sort(posts, query.SortBy, query.Descending)
            .Skip((page - 1) * size).Take(size)
            .Select(p => new PostGridRow(p.Id, p.Title, p.Slug, p.Date, p.Status, p.Origin, p.Tags, p.UpdatedAt, p.ReviewedBy, p.ScheduledFor)
            {
                EditionDate = p.EditionDate,
                LeadTopic = p.Sections.Where(s => s.Kind == SectionKind.Topic).OrderBy(s => s.Position).Select(s => s.Heading).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PostGridPage(rows, total, page, size);
    }

    private static IQueryable<Post> Sort(IQueryable<Post> posts, PostGridSort by, bool descending) => (by, descending) switch
    {
        (PostGridSort.Title, false) => posts.OrderBy(p => p.Title).ThenBy(p => p.Id),
        (PostGridSort.Title, true) => posts.OrderByDescending(p => p.Title).ThenBy(p => p.Id),
        (PostGridSort.Status, false) => posts.OrderBy(p => p.Status).ThenByDescending(p => p.Date),
        (PostGridSort.Status, true) => posts.OrderByDescending(p => p.Status).ThenByDescending(p => p.Date),
        (PostGridSort.Updated, false) => posts.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
        (PostGridSort.Updated, true) => posts.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        (_, false) => posts.OrderBy(p => p.Date).ThenBy(p => p.Id),
        _ => posts.OrderByDescending(p => p.Date).ThenBy(p => p.Id),
    };
}

public enum PostGridSort
{
    Date,
    Title,
    Status,
    Updated,
}

public sealed record PostGridQuery(
    int Page = 1,
    int PageSize = 25,
    PostStatus? Status = null,
    string? Tag = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Text = null,
    PostGridSort SortBy = PostGridSort.Date,
    bool Descending = true);

public sealed record PostGridRow(Guid Id, string Title, string Slug, DateTime Date, PostStatus Status, PostOrigin Origin, List<string> Tags, DateTime UpdatedAt, string? ReviewedBy, DateTime? ScheduledFor)
{
    /// <summary>The day a generated post is the digest of; null for imported and hand-written posts.</summary>
    public DateOnly? EditionDate { get; init; }

    /// <summary>The first topic's heading: what tells one day's digest from another's.</summary>
    public string? LeadTopic { get; init; }
}

public sealed record PostGridPage(IReadOnlyList<PostGridRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
