using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Publishing.Feeds;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.PublicSite;

/// <summary>
/// What the public pages read: only published, rendered posts, newest first. The queries run when a page is
/// rendered, which the output cache makes once per change rather than once per reader.
/// </summary>
public sealed partial class PublicPosts(DigestDbContext db)
{
    public const int PageSize = 10;
    private const int ExcerptLength = 280;

    private IQueryable<Post> Published => db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.ContentHtml != null);

    /// <summary>The <paramref name="number"/>th page of newest posts; a number outside 1..last is clamped, never an error.</summary>
    public async Task<PostList> PageAsync(long number, CancellationToken cancellationToken = default)
    {
        var total = await Published.CountAsync(cancellationToken);
        var count = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = (int)Math.Clamp(number, 1, count);
        var rows = await Published
            .OrderByDescending(p => p.Date).ThenBy(p => p.Slug)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new { p.Slug, p.Title, p.Date, p.WordCount, p.Tags, p.Description, p.ContentHtml })
            .ToListAsync(cancellationToken);
        return new PostList([.. rows.Select(r => new PostCard(r.Slug, r.Title, r.Date, r.WordCount, r.Tags, Excerpt(r.Description, r.ContentHtml)))], page, count);
    }

    public Task<Post?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return Published.SingleOrDefaultAsync(p => p.Slug == normalized, cancellationToken);
    }

    /// <summary>Whether any section of the post links the source items it was written from (imported posts never do).</summary>
    public Task<bool> HasSourcesAsync(Guid postId, CancellationToken cancellationToken = default) =>
        db.Set<Section>().AsNoTracking().Where(s => s.PostId == postId).AnyAsync(s => s.Sources.Any(), cancellationToken);

    /// <summary>Every published post, newest first, without bodies: archives, tags and the sitemap.</summary>
    public async Task<IReadOnlyList<PostLink>> AllAsync(CancellationToken cancellationToken = default) =>
        await Published
            .OrderByDescending(p => p.Date).ThenBy(p => p.Slug)
            .Select(p => new PostLink(p.Slug, p.Title, p.Date, p.UpdatedAt, p.Tags))
            .ToListAsync(cancellationToken);

    /// <summary>The posts carrying a tag, matched by its URL name as <c>/tags/&lt;slug&gt;/</c> has it; the tag's display name is the first spelling met.</summary>
    public async Task<(string? Name, IReadOnlyList<PostLink> Posts)> TaggedAsync(string tagSlug, CancellationToken cancellationToken = default)
    {
        var slug = FeedSite.TagSlug(tagSlug);
        var posts = (await AllAsync(cancellationToken)).Where(p => p.Tags.Any(t => Matches(t, slug))).ToList();
        return (posts.SelectMany(p => p.Tags).FirstOrDefault(t => Matches(t, slug)), posts);
    }

    public static IReadOnlyList<TagCount> CountTags(IEnumerable<PostLink> posts) =>
        [.. posts.SelectMany(p => p.Tags.Select(t => (Name: t, Slug: FeedSite.TagSlug(t))).DistinctBy(t => t.Slug))
            .GroupBy(t => t.Slug, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TagCount(g.First().Name, g.Key, g.Count()))
            .OrderByDescending(t => t.Posts).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The next newer and next older published post around <paramref name="post"/>, in the order the home page lists them.</summary>
    public async Task<(PostLink? Newer, PostLink? Older)> NeighboursAsync(Post post, CancellationToken cancellationToken = default)
    {
        var newer = await Published
            .Where(p => p.Date > post.Date)
            .OrderBy(p => p.Date).ThenByDescending(p => p.Slug)
            .Select(p => new PostLink(p.Slug, p.Title, p.Date, p.UpdatedAt, p.Tags))
            .FirstOrDefaultAsync(cancellationToken);
        var older = await Published
            .Where(p => p.Date < post.Date)
            .OrderByDescending(p => p.Date).ThenBy(p => p.Slug)
            .Select(p => new PostLink(p.Slug, p.Title, p.Date, p.UpdatedAt, p.Tags))
            .FirstOrDefaultAsync(cancellationToken);
        return (newer, older);
    }

    /// <summary>
    /// When what readers can see last changed: a post published or edited, or one taken down. Pages send it as
    /// Last-Modified; taking a post down must count, or a client asking "modified since?" would never learn of it.
    /// </summary>
    public async Task<DateTime?> LastChangeAsync(CancellationToken cancellationToken = default)
    {
        var updated = await Published.MaxAsync(p => (DateTime?)p.UpdatedAt, cancellationToken);
        var published = await Published.MaxAsync(p => p.PublishedAt, cancellationToken);
        var removed = await db.Set<PostTransition>().AsNoTracking()
            .Where(t => t.From == PostStatus.Published)
            .MaxAsync(t => (DateTime?)t.At, cancellationToken);
        DateTime? newest = null;
        foreach (var at in new[] { updated, published, removed })
        {
            if (at is { } value && (newest is null || value > newest))
            {
                newest = value;
            }
        }

        return newest is { } utc ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : null;
    }

    /// <summary>
    /// The post's description, else its topics: every digest has the same title and opens with the same notice, so
    /// the topic headlines are what tells one day from another. Other bodies give their first words.
    /// </summary>
    public static string Excerpt(string? description, string? contentHtml)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            return PlainText.Excerpt(description, ExcerptLength);
        }

        var html = contentHtml ?? "";
        var topics = TopicHeading().Matches(html).Select(m => PlainText.FromHtml(m.Groups["topic"].Value)).Where(t => t.Length > 0).ToList();
        return topics.Count > 0 ? PlainText.Excerpt(string.Join(" · ", topics), ExcerptLength) : Summaries.FromContent(html, ExcerptLength);
    }

    // A numbered topic of the house format: <li><p><strong>heading</strong></p>, as the Markdown pipeline writes it.
    [GeneratedRegex(@"<li>\s*<p>\s*<strong>(?<topic>.*?)</strong>", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TopicHeading();

    private static bool Matches(string tag, string slug) => string.Equals(FeedSite.TagSlug(tag), slug, StringComparison.OrdinalIgnoreCase);
}
