using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Quality;

/// <summary>
/// Checks a post before it may be approved: gathers what the checks need beyond the post — the topics of the
/// last published posts, the canonical URLs of its source items, the notes of the run that wrote it — and runs
/// <see cref="PostChecks"/>. Approval must go through <see cref="EnsureApprovableAsync(Post, string?, CancellationToken)"/>.
/// </summary>
public sealed class QualityGate(DigestDbContext db, QualityRules rules, IEnumerable<IQualityRule> moreRules)
{
    public async Task<IReadOnlyList<string>> FindProblemsAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var problems = PostChecks.Find(post, await ContextForAsync(post, cancellationToken)).ToList();
        foreach (var rule in moreRules)
        {
            problems.AddRange(await rule.FindAsync(post, cancellationToken));
        }

        return problems;
    }

    public async Task<IReadOnlyList<string>> FindProblemsAsync(Guid postId, CancellationToken cancellationToken = default) =>
        await FindProblemsAsync(await LoadAsync(postId, cancellationToken), cancellationToken);

    /// <summary>
    /// Throws a <see cref="DomainException"/> listing the problems (as the post itself does), unless there are none or
    /// the editor gave a reason to override them. Returns the problems the reason overrode, for the audit log.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnsureApprovableAsync(Post post, string? overrideReason, CancellationToken cancellationToken = default)
    {
        var problems = await FindProblemsAsync(post, cancellationToken);
        if (problems.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            DigestTelemetry.GateFindings.Add(problems.Count);
            throw new DomainException("The post cannot be approved yet: " + string.Join("; ", problems));
        }

        if (problems.Count > 0)
        {
            DigestTelemetry.GateOverrides.Add(1);
        }

        return problems;
    }

    public async Task<IReadOnlyList<string>> EnsureApprovableAsync(Guid postId, string? overrideReason, CancellationToken cancellationToken = default) =>
        await EnsureApprovableAsync(await LoadAsync(postId, cancellationToken), overrideReason, cancellationToken);

    public async Task<QualityContext> ContextForAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var recent = rules.RecentPostsToCompare <= 0 ? [] : await RecentTopicsAsync(post.Id, cancellationToken);
        var itemIds = post.Sections.SelectMany(s => s.Sources).Where(s => s.SourceItemId != null).Select(s => s.SourceItemId!.Value).Distinct().ToList();
        var canonical = itemIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.SourceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.CanonicalUrl, cancellationToken);
        // The whole run is read: SQLite cannot project a JSON column on its own.
        var run = post.GenerationRunId is { } runId
            ? await db.GenerationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            : null;
        IReadOnlyList<SectionNote> notes = run?.SectionNotes ?? [];
        return new QualityContext(rules, recent, canonical, notes);
    }

    private async Task<List<PublishedTopic>> RecentTopicsAsync(Guid exceptPostId, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Id != exceptPostId)
            .OrderByDescending(p => p.PublishedAt ?? p.Date)
            .Take(rules.RecentPostsToCompare)
            .Select(p => new { p.Id, p.Slug })
            .ToListAsync(cancellationToken);
        var ids = posts.Select(p => p.Id).ToList();
        var sections = (await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery()
                .ToListAsync(cancellationToken))
            .SelectMany(p => p.Sections.Where(s => s.Kind == SectionKind.Topic).Select(s => new
            {
                PostId = p.Id,
                s.Heading,
                Sources = s.Sources.Select(x => new { x.SourceItemId, x.Url }).ToList(),
            }))
            .ToList();
        var itemIds = sections.SelectMany(s => s.Sources).Where(s => s.SourceItemId != null).Select(s => s.SourceItemId!.Value).Distinct().ToList();
        var canonical = itemIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.SourceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.CanonicalUrl, cancellationToken);
        var slugs = posts.ToDictionary(p => p.Id, p => p.Slug);
        return [.. sections.Select(s => new PublishedTopic(
            slugs[s.PostId],
            s.Heading,
            [.. s.Sources.Where(x => x.SourceItemId != null).Select(x => x.SourceItemId!.Value)],
            [.. s.Sources.Select(x => x.Url).Concat(s.Sources.Where(x => x.SourceItemId is { } id && canonical.ContainsKey(id)).Select(x => canonical[x.SourceItemId!.Value]))]))];
    }

    private async Task<Post> LoadAsync(Guid postId, CancellationToken cancellationToken) =>
        await db.Posts.Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
        ?? throw new DomainException($"No post {postId}.");
}
