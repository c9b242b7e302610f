using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Editing;

/// <summary>
/// Everything an editor does to a post: save (with a revision and a concurrency check), and each workflow
/// step. A post is rendered when it goes public or changes while public, and the public cache is evicted then.
/// </summary>
public sealed class PostEditor(DigestDbContext db, PostRenderer renderer, IPublicSiteCache cache, TimeProvider clock)
{
    public async Task<Post> FindAsync(string idOrSlug, CancellationToken cancellationToken = default)
    {
        var query = db.Posts.Include(p => p.Sections).ThenInclude(s => s.Sources).Include(p => p.Transitions).AsSplitQuery();
        var post = Guid.TryParse(idOrSlug, out var id)
            ? await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await query.SingleOrDefaultAsync(p => p.Slug == NormalizedSlug(idOrSlug), cancellationToken);
        return post ?? throw new PostNotFoundException(idOrSlug);
    }

    public async Task<Post> SaveAsync(PostEdit edit, string by, CancellationToken cancellationToken = default)
    {
        var post = await LoadForChangeAsync(edit.PostId, edit.ExpectedVersion, cancellationToken);
        var now = Now();
        post.SetMetadata(new PostMetadata(edit.Title, post.Slug, post.Description, post.Date, post.Author, post.Tags, post.Flags, post.Cover), now);
        foreach (var section in edit.Sections)
        {
            post.RewriteSection(section.SectionId, section.Text, now);
        }

        return await CommitAsync(post, by, "saved", cancellationToken);
    }

    public Task<Post> SubmitForReviewAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.SubmitForReview(by, Now()), by, "submitted for review", cancellationToken);

    public Task<Post> ApproveAndPublishAsync(Guid postId, string by, string? overrideReason = null, Guid? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, expectedVersion, post => post.ApproveAndPublish(by, Now(), overrideReason), by, "approved and published", cancellationToken);

    public Task<Post> ScheduleAsync(Guid postId, DateTime whenUtc, string by, string? overrideReason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Schedule(by, Now(), whenUtc, overrideReason), by, "scheduled", cancellationToken);

    public Task<Post> RejectAsync(Guid postId, string reason, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Reject(by, Now(), reason), by, "rejected", cancellationToken);

    public Task<Post> UnpublishAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Unpublish(by, Now()), by, "unpublished", cancellationToken);

    public Task<Post> ReopenAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Reopen(by, Now()), by, "reopened", cancellationToken);

    /// <summary>Publishes every scheduled post whose time has come; the database, not a timer, holds the schedule.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        var due = await db.Posts.Include(p => p.Sections).ThenInclude(s => s.Sources)
            .Where(p => p.Status == PostStatus.Scheduled && p.ScheduledFor <= now)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        foreach (var post in due.Where(p => p.PublishIfDue(now)))
        {
            renderer.Render(post);
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await cache.InvalidateAsync(cancellationToken);
        }

        return due.Count;
    }

    private async Task<Post> ChangeAsync(Guid postId, Guid? expectedVersion, Action<Post> change, string by, string note, CancellationToken cancellationToken)
    {
        var post = await LoadForChangeAsync(postId, expectedVersion, cancellationToken);
        var wasPublic = post.IsPublic;
        change(post);
        return await CommitAsync(post, by, note, cancellationToken, wasPublic);
    }

    private async Task<Post> LoadForChangeAsync(Guid postId, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        var post = await FindAsync(postId.ToString(), cancellationToken);
        if (expectedVersion is { } version && version != post.Version)
        {
            throw new EditConflictException(postId);
        }

        return post;
    }

    private async Task<Post> CommitAsync(Post post, string by, string note, CancellationToken cancellationToken, bool wasPublic = false)
    {
        if (post.IsPublic)
        {
            renderer.Render(post);
        }

        var number = await db.PostRevisions.Where(r => r.PostId == post.Id).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        db.PostRevisions.Add(PostRevision.Capture(post, number + 1, by, Now(), note));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsRevisionRace(ex))
        {
            db.ChangeTracker.Clear();
            throw new EditConflictException(post.Id);
        }

        if (post.IsPublic || wasPublic)
        {
            await cache.InvalidateAsync(cancellationToken);
        }

        return post;
    }

    // Slugs are stored lower-case; the comparison in SQL stays an index seek.
    private static string NormalizedSlug(string slug) => slug.Trim().ToLowerInvariant();

    private static bool IsRevisionRace(DbUpdateException ex) =>
        ex.Entries.Any(e => e.Entity is PostRevision);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
