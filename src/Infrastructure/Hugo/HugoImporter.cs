using System.Security.Cryptography;
using System.Text;
using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Brings Hugo posts into the database, one file at a time, each in a transaction of its own: a post is either in
/// with all of its text or listed as failed. Importing the same files again changes nothing (each post remembers a
/// checksum of its file); a changed file updates its post, keeping its id, feed id and history. A post that was not
/// imported is never overwritten, whatever its slug.
/// </summary>
public sealed class HugoImporter(DigestDbContext db, PostRenderer renderer, IPublicSiteCache cache, TimeProvider clock)
{
    public const string ImportedBy = "import";

    private readonly HugoPostMapper _mapper = new(clock);

    /// <param name="progress">Told about each file as soon as it is done, for a command line or a progress bar.</param>
    public async Task<HugoImportReport> ImportAsync(IEnumerable<HugoArchiveEntry> entries, HugoImportOptions? options = null, Action<HugoImportItem>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new HugoImportOptions();
        var items = new List<HugoImportItem>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var publicSiteChanged = false;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (item, changedPublicSite) = await ImportOneAsync(entry, options, claimed, cancellationToken);
            publicSiteChanged |= changedPublicSite;
            items.Add(item);
            progress?.Invoke(item);
        }

        if (publicSiteChanged)
        {
            await cache.InvalidateAsync(cancellationToken);
        }

        var report = new HugoImportReport(items);
        db.Audit(clock, AuditActions.ImportFinished, AuditSubject.Archive("import of Hugo posts"), report.Summary);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private async Task<(HugoImportItem Item, bool ChangedPublicSite)> ImportOneAsync(HugoArchiveEntry entry, HugoImportOptions options, Dictionary<string, string> claimed, CancellationToken cancellationToken)
    {
        if (entry.Content is null)
        {
            return (new HugoImportItem(entry.Name, entry.IsUnreadablePost ? HugoImportOutcome.Failed : HugoImportOutcome.Skipped, null, entry.Skipped, []), false);
        }

        var parsed = HugoPostParser.Parse(entry.Name, entry.Content);
        if (parsed.Post is not { } source)
        {
            return (Failed(entry.Name, null, parsed.Failure ?? "the file could not be read", parsed.Notes), false);
        }

        if (!claimed.TryAdd(source.Slug, entry.Name))
        {
            return (Failed(entry.Name, source.Slug, $"{claimed[source.Slug]} has the same address; give one of them another file name or slug", parsed.Notes), false);
        }

        try
        {
            return await SaveAsync(source, Checksum(entry.Content, options), options, parsed.Notes, cancellationToken);
        }
        catch (DomainException e)
        {
            return (Failed(entry.Name, source.Slug, e.Message, parsed.Notes), false);
        }
        catch (DbUpdateException e)
        {
            return (Failed(entry.Name, source.Slug, "the database refused the post: " + (e.InnerException ?? e).Message, parsed.Notes), false);
        }
        finally
        {
            // Each post stands alone: nothing of a failed one lingers, and the tracker does not grow with the archive.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<(HugoImportItem Item, bool ChangedPublicSite)> SaveAsync(HugoPost source, string checksum, HugoImportOptions options, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        var existing = await db.Posts.AsNoTracking()
            .Where(p => p.Slug == source.Slug)
            .Select(p => new { p.Id, p.Origin, p.Status, p.ImportChecksum })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null && existing.Origin != PostOrigin.Imported)
        {
            return (Failed(source.FileName, source.Slug, $"/posts/{source.Slug}/ already belongs to a {existing.Origin.ToString().ToLowerInvariant()} post, which is left as it is; give the file another name or slug", notes), false);
        }

        if (existing is not null && existing.ImportChecksum == checksum)
        {
            return (new HugoImportItem(source.FileName, HugoImportOutcome.Unchanged, source.Slug, null, notes), false);
        }

        var fresh = _mapper.ToPost(source, options);
        fresh.RecordImport(checksum);
        if (fresh.Status == PostStatus.Published)
        {
            // The old blog's word count and reading time came from this text, not from the sections written back out.
            var rendered = renderer.RenderMarkdown(source.Body);
            fresh.SetRendering(rendered.Html, rendered.WordCount, PostRenderer.SearchText(fresh, rendered.Html));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.Posts.Add(fresh);
            db.PostRevisions.Add(PostRevision.Capture(fresh, 1, ImportedBy, now, $"imported from {source.FileName}"));
            db.Audit(clock, AuditActions.PostImported, AuditSubject.Post(fresh), $"imported from {source.FileName} as {fresh.Status}");
            await db.SaveChangesAsync(cancellationToken);
            var outcome = source.IsFreeText ? HugoImportOutcome.ImportedAsFreeText : HugoImportOutcome.Imported;
            return (new HugoImportItem(source.FileName, outcome, source.Slug, null, notes), fresh.IsPublic);
        }

        var post = await db.Posts.Include(p => p.Sections).Include(p => p.Transitions).AsSplitQuery()
            .SingleAsync(p => p.Id == existing.Id, cancellationToken);
        if (SameContent(post, fresh, options))
        {
            // Another file saying the same (e.g. this site's own export): the post, and its rendering from the
            // original text, stay as they are.
            return (new HugoImportItem(source.FileName, HugoImportOutcome.Unchanged, source.Slug, null, notes), false);
        }

        post.ReplaceImported(fresh, now);
        if (!string.IsNullOrWhiteSpace(options.OldBaseUrl))
        {
            post.KeepFeedId(fresh.FeedId);
        }

        var number = await db.PostRevisions.Where(r => r.PostId == post.Id).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        db.PostRevisions.Add(PostRevision.Capture(post, number + 1, ImportedBy, now, $"updated from {source.FileName}"));
        db.Audit(clock, AuditActions.PostImported, AuditSubject.Post(post), $"updated from {source.FileName}");
        await db.SaveChangesAsync(cancellationToken);
        var reason = source.IsFreeText ? "the file changed; its body is kept as free text" : "the file changed since it was imported";
        return (new HugoImportItem(source.FileName, HugoImportOutcome.Updated, source.Slug, reason, notes), post.IsPublic || existing.Status == PostStatus.Published);
    }

    private static bool SameContent(Post post, Post fresh, HugoImportOptions options) =>
        post.Title == fresh.Title && post.Description == fresh.Description && post.Date == fresh.Date && post.Author == fresh.Author
        && post.Tags.SequenceEqual(fresh.Tags, StringComparer.Ordinal) && post.Flags == fresh.Flags && post.Cover == fresh.Cover
        && post.Aliases.SequenceEqual(fresh.Aliases, StringComparer.Ordinal)
        && post.IsPublic == fresh.IsPublic
        && (string.IsNullOrWhiteSpace(options.OldBaseUrl) || post.FeedId == fresh.FeedId)
        && post.Sections.OrderBy(s => s.Position).Select(s => (s.Kind, s.Text)).SequenceEqual(fresh.Sections.Select(s => (s.Kind, s.Text)));

    /// <summary>The file's bytes and the options that shape the post: the same file imported the same way is the same post.</summary>
    private static string Checksum(byte[] content, HugoImportOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(content);
        hash.AppendData(Encoding.UTF8.GetBytes($"\n{options.OldBaseUrl?.Trim().TrimEnd('/')}\n{options.DefaultAuthor}\n{options.Section}"));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static HugoImportItem Failed(string fileName, string? slug, string reason, IReadOnlyList<string> notes) =>
        new(fileName, HugoImportOutcome.Failed, slug, reason, notes);
}
