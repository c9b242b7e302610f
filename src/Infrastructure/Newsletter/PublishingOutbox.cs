using System.Globalization;
using System.Runtime.CompilerServices;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digest.Infrastructure.Newsletter;

/// <summary>
/// Writes a post's <see cref="Mailing"/> (the outbox row) in the same save, so the same transaction, as the post becoming
/// published, whoever published it: the dashboard, the <c>posts publish</c> verb in another process, or the schedule.
/// Imported posts never get one. An editor's recorded "publish without emailing" makes it a skipped mailing instead, and a
/// post published again after its mailing was stopped resumes it. The job server finds the row by polling the database,
/// so nothing depends on which process published or on where Hangfire keeps its jobs.
/// </summary>
public sealed class PublishingOutbox(NewsletterSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _wrote = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await WriteAsync(context, cancellationToken))
        {
            _wrote.AddOrUpdate(context, this);
        }

        return result;
    }

    // Nothing in Digest saves posts synchronously; this keeps the rule true if something ever does.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && WriteAsync(context, CancellationToken.None).GetAwaiter().GetResult())
        {
            _wrote.AddOrUpdate(context, this);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static async Task<bool> WriteAsync(DbContext context, CancellationToken cancellationToken)
    {
        var published = context.ChangeTracker.Entries<Post>().Where(BecamePublished).Select(e => e.Entity).ToList();
        var wrote = false;
        foreach (var post in published)
        {
            var key = Mailing.KeyForPost(post.Id);
            var mailing = context.Set<Mailing>().Local.FirstOrDefault(m => m.Key == key)
                ?? await context.Set<Mailing>().FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
            var choice = await context.Set<NewsletterChoice>().FindAsync([post.Id], cancellationToken);
            var at = post.Transitions.Count > 0 ? post.Transitions[^1].At : post.PublishedAt ?? post.UpdatedAt;
            if (mailing is null)
            {
                context.Add(choice is { Send: false }
                    ? Mailing.SkippedPost(post.Id, $"published without emailing, as {choice.ChosenBy} chose on {choice.ChosenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", at)
                    : Mailing.ForPost(post.Id, at));
                wrote = true;
            }
            else if (mailing.Status == MailingStatus.Stopped && choice is not { Send: false })
            {
                mailing.Resume("resumed: the post was published again");
                wrote = true;
            }
        }

        return wrote;
    }

    private static bool BecamePublished(EntityEntry<Post> entry) =>
        entry.Entity.Status == PostStatus.Published
        && entry.Entity.Origin != PostOrigin.Imported
        && (entry.State == EntityState.Added
            || (entry.State == EntityState.Modified && entry.Property(p => p.Status).OriginalValue != PostStatus.Published));

    private void Committed(DbContext? context)
    {
        if (context is not null && _wrote.TryGetValue(context, out _))
        {
            _wrote.Remove(context);
            signal.Wake();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _wrote.Remove(context);
        }
    }
}

/// <summary>Wakes the job server's newsletter dispatcher when this process has just written a mailing; other processes' rows are found by polling.</summary>
public sealed class NewsletterSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before looking for work, then wait on it: a wake-up during the look is not lost.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Wake() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
