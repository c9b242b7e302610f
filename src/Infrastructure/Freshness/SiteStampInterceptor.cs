using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digest.Infrastructure.Freshness;

/// <summary>
/// Moves the <see cref="SiteStamp"/> in any save that changes what readers see, in the same transaction, so no writer
/// can forget it and no crash can separate the change from its stamp. Readers see published posts (their rendered
/// text, title, tags, dates…: a post that is, was or becomes published), the site settings, and reviewers' public
/// names (a user's name or roles, or a deleted user). Changes only editors see (drafts, sources, runs, audit) and a
/// user's sign-in bookkeeping leave cached pages alone.
/// </summary>
public sealed class SiteStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(IsSeenByReaders))
        {
            return;
        }

        var row = context.ChangeTracker.Entries<SiteStamp>().FirstOrDefault() ?? context.Attach(SiteStamp.Row());
        row.Property(s => s.Value).CurrentValue = Guid.NewGuid();
        row.Property(s => s.Value).IsModified = true;
        row.Property(s => s.ChangedAt).CurrentValue = clock.GetUtcNow().UtcDateTime;
        row.Property(s => s.ChangedAt).IsModified = true;
    }

    internal static bool IsSeenByReaders(EntityEntry entry) => entry.State switch
    {
        EntityState.Added or EntityState.Modified or EntityState.Deleted => entry.Entity switch
        {
            Post => WasOrIsPublished(entry),
            SiteSettings => true,
            // Identity saves a user whole on every update (a failed sign-in too): compare the value, not the flag.
            ApplicationUser => entry.State != EntityState.Modified
                || !Equals(entry.OriginalValues[nameof(ApplicationUser.DisplayName)], entry.CurrentValues[nameof(ApplicationUser.DisplayName)]),
            IdentityUserRole<string> => true,
            _ => false,
        },
        _ => false,
    };

    private static bool WasOrIsPublished(EntityEntry entry)
    {
        var status = nameof(Post.Status);
        return entry.State switch
        {
            EntityState.Added => Equals(entry.CurrentValues[status], PostStatus.Published),
            EntityState.Deleted => Equals(entry.OriginalValues[status], PostStatus.Published),
            _ => Equals(entry.OriginalValues[status], PostStatus.Published) || Equals(entry.CurrentValues[status], PostStatus.Published),
        };
    }
}
