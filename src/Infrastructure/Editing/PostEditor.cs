using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Editing;

/// <summary>
/// Everything an editor does to a post: save (with a revision and a concurrency check), restore a revision, and
/// each workflow step. Every change writes a revision and an audit entry in the same transaction as the change.
/// A post is rendered when it goes public or changes while public, and the public cache is evicted then.
/// </summary>
public sealed class PostEditor(DigestDbContext db, PostRenderer renderer, IPublicSiteCache cache, QualityGate gate, TimeProvider clock)
{
    public async Task<Post> FindAsync(string idOrSlug, CancellationToken cancellationToken = default)
    {
        // Rows come back in no particular order (PostgreSQL least of all); the editor shows sections as readers see them.
        var query = db.Posts.Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Sources).Include(p => p.Transitions).AsSplitQuery();
        var post = Guid.TryParse(idOrSlug, out var id)
            ? await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await query.SingleOrDefaultAsync(p => p.Slug == NormalizedSlug(idOrSlug), cancellationToken);
        return post ?? throw new PostNotFoundException(idOrSlug);
    }

    public async Task<Post> SaveAsync(PostEdit edit, string by, CancellationToken cancellationToken = default)
    {
        var post = await LoadForChangeAsync(edit.PostId, edit.ExpectedVersion, cancellationToken);
        var before = PostChanges.Of(post);
        var now = Now();
        var metadata = (edit.Metadata ?? new PostMetadata(post.Title, post.Slug, post.Description, post.Date, post.Author, post.Tags, post.Flags, post.Cover))
            with { Title = edit.Title };
        await EnsureSlugIsFreeAsync(post.Id, metadata.Slug, cancellationToken);
        post.SetMetadata(metadata, now);
        if (edit.IsComplete)
        {
            ApplyStructure(post, edit.Sections, now);
        }
        else
        {
            foreach (var section in edit.Sections)
            {
                post.RewriteSection(section.SectionId, section.Text, now);
            }
        }

        return await CommitAsync(post, by, "saved", AuditActions.PostSaved, before.DescribeChangesTo(PostChanges.Of(post)), post.IsPublic, cancellationToken);
    }

    public async Task<IReadOnlyList<PostRevision>> RevisionsAsync(Guid postId, CancellationToken cancellationToken = default) =>
        await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);

    /// <summary>Makes the post's title and sections what they were in revision <paramref name="number"/>, as a new revision.
    /// Sections removed since come back without their source links (a revision keeps only text).</summary>
    public async Task<Post> RestoreAsync(Guid postId, int number, string by, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var revision = await db.PostRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.PostId == postId && r.Number == number, cancellationToken)
            ?? throw new DomainException($"The post has no revision {number}.");
        var post = await LoadForChangeAsync(postId, expectedVersion, cancellationToken);
        var now = Now();
        post.SetMetadata(new PostMetadata(revision.Title, post.Slug, post.Description, post.Date, post.Author, post.Tags, post.Flags, post.Cover), now);
        ApplyStructure(post, [.. revision.ReadSections().Select(s => new SectionEdit(s.Id, s.Text) { Kind = s.Kind })], now);
        return await CommitAsync(post, by, $"restored revision {number}", AuditActions.PostRestored, $"restored revision {number}", post.IsPublic, cancellationToken);
    }

    public Task<Post> SubmitForReviewAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.SubmitForReview(by, Now()), by, "submitted for review", AuditActions.PostSubmitted, null, cancellationToken);

    // The full quality gate (repeats, lengths, unwritten sections) is checked before the post's own rules.
    public async Task<Post> ApproveAndPublishAsync(Guid postId, string by, string? overrideReason = null, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var overridden = await gate.EnsureApprovableAsync(postId, overrideReason, cancellationToken);
        return await ChangeAsync(postId, expectedVersion, post => post.ApproveAndPublish(by, Now(), overrideReason), by, "approved and published", AuditActions.PostPublished,
            Overridden(overrideReason, overridden), cancellationToken);
    }

    public async Task<Post> ScheduleAsync(Guid postId, DateTime whenUtc, string by, string? overrideReason = null, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var overridden = await gate.EnsureApprovableAsync(postId, overrideReason, cancellationToken);
        return await ChangeAsync(postId, expectedVersion, post => post.Schedule(by, Now(), whenUtc, overrideReason), by, "scheduled", AuditActions.PostScheduled,
            $"for {whenUtc:yyyy-MM-dd HH:mm} UTC" + (Overridden(overrideReason, overridden) is { } o ? "; " + o : ""), cancellationToken);
    }

    public Task<Post> RejectAsync(Guid postId, string reason, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Reject(by, Now(), reason), by, "rejected", AuditActions.PostRejected, reason, cancellationToken);

    public Task<Post> UnpublishAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Unpublish(by, Now()), by, "unpublished", AuditActions.PostUnpublished, null, cancellationToken);

    public Task<Post> ReopenAsync(Guid postId, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(postId, null, post => post.Reopen(by, Now()), by, "reopened", AuditActions.PostReopened, null, cancellationToken);

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
            db.Set<AuditEntry>().Add(AuditEntry.Record(now, "schedule", AuditActions.PostPublished, AuditSubject.Post(post), "published at its scheduled time"));
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await cache.InvalidateAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>Makes the post's sections exactly <paramref name="sections"/>, in that order.</summary>
    private static void ApplyStructure(Post post, IReadOnlyList<SectionEdit> sections, DateTime now)
    {
        var wanted = sections.Select(s => s.SectionId).ToHashSet();
        foreach (var gone in post.Sections.Where(s => !wanted.Contains(s.Id)).Select(s => s.Id).ToList())
        {
            post.RemoveSection(gone, now);
        }

        var order = new List<Guid>(sections.Count);
        foreach (var edit in sections)
        {
            if (post.Sections.Any(s => s.Id == edit.SectionId))
            {
                post.RewriteSection(edit.SectionId, edit.Text, now);
                order.Add(edit.SectionId);
            }
            else
            {
                order.Add(post.AddSection(Section.From(edit.Kind, edit.Text)).Id);
            }
        }

        post.ReorderSections(order, now);
    }

    private async Task EnsureSlugIsFreeAsync(Guid postId, string slug, CancellationToken cancellationToken)
    {
        var normalized = Slugs.Normalize(slug);
        if (await db.Posts.AnyAsync(p => p.Slug == normalized && p.Id != postId, cancellationToken))
        {
            throw new DomainException($"Another post already has the address /posts/{normalized}/; choose another slug.");
        }
    }

    private async Task<Post> ChangeAsync(Guid postId, Guid? expectedVersion, Action<Post> change, string by, string note, string action, string? details, CancellationToken cancellationToken)
    {
        var post = await LoadForChangeAsync(postId, expectedVersion, cancellationToken);
        var wasPublic = post.IsPublic;
        change(post);
        return await CommitAsync(post, by, note, action, details, wasPublic, cancellationToken);
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

    private async Task<Post> CommitAsync(Post post, string by, string note, string action, string? details, bool wasPublic, CancellationToken cancellationToken)
    {
        if (post.IsPublic)
        {
            renderer.Render(post);
        }

        var now = Now();
        var number = await db.PostRevisions.Where(r => r.PostId == post.Id).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        db.PostRevisions.Add(PostRevision.Capture(post, number + 1, by, now, note));
        db.Set<AuditEntry>().Add(AuditEntry.Record(now, by, action, AuditSubject.Post(post), details));
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

    // The audit says what was overridden as well as why: the problems are gone from the post once it is approved.
    private static string? Overridden(string? overrideReason, IReadOnlyList<string> problems) =>
        string.IsNullOrWhiteSpace(overrideReason) ? null
            : problems.Count == 0 ? $"quality problems overridden: {overrideReason.Trim()}"
            : $"quality problems overridden: {overrideReason.Trim()} (overridden: {string.Join("; ", problems)})";

    // Slugs are stored lower-case; the comparison in SQL stays an index seek.
    private static string NormalizedSlug(string slug) => slug.Trim().ToLowerInvariant();

    private static bool IsRevisionRace(DbUpdateException ex) =>
        ex.Entries.Any(e => e.Entity is PostRevision);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
