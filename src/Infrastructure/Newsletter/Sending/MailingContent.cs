using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Composing;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Sending;

/// <summary>What a mailing says: its post as it is now, or the posts of its week that are still published and were not withheld.</summary>
public sealed class MailingContent(DigestDbContext db, NewsletterComposer composer)
{
    /// <summary>The email, or null when nothing it would carry is published any more.</summary>
    public async Task<ComposedEmail?> ComposeAsync(Mailing mailing, NewsletterSite site, SiteSettings settings, CancellationToken cancellationToken)
    {
        if (mailing.Kind == MailingKind.Post)
        {
            var post = await PostsWithSections().SingleOrDefaultAsync(p => p.Id == mailing.PostId && p.Status == PostStatus.Published, cancellationToken);
            return post is null ? null : await composer.ForPostAsync(post, site, mailing.Audience, cancellationToken);
        }

        var posts = await RoundupPostsAsync(mailing.PeriodStart!.Value, mailing.PeriodEnd!.Value, cancellationToken);
        return posts.Count == 0 ? null : await composer.ForRoundupAsync(posts, mailing.PeriodStart.Value, mailing.PeriodEnd.Value, settings.FindTimeZone(), site, cancellationToken);
    }

    /// <summary>The posts a roundup for [start, end) carries: published in that time, not imported, not published without emailing.</summary>
    public async Task<IReadOnlyList<Post>> RoundupPostsAsync(DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var withheld = db.Set<Mailing>().Where(m => m.Kind == MailingKind.Post && m.Status == MailingStatus.Skipped && m.PostId != null).Select(m => m.PostId!.Value);
        return await PostsWithSections()
            .Where(p => p.Status == PostStatus.Published && p.Origin != PostOrigin.Imported && p.PublishedAt >= start && p.PublishedAt < end && !withheld.Contains(p.Id))
            .OrderBy(p => p.PublishedAt)
            .ToListAsync(cancellationToken);
    }

    private IQueryable<Post> PostsWithSections() =>
        db.Posts.AsNoTracking().Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Sources).AsSplitQuery();
}
