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
/// Brings Hugo posts into the database. Files are read, parsed and rendered on every core a batch at a time, and
/// each batch of new posts is written in one transaction; when the database refuses a batch, its posts are written
/// one by one so only the post at fault is listed as failed. Importing the same files again changes nothing (each
/// post remembers a checksum of its file, and a file that is this site's own export of the post is recognised); a
/// changed file updates its post, keeping its id, feed id and history. A post that was not imported is never
/// overwritten, whatever its slug.
/// </summary>
public sealed class HugoImporter(DigestDbContext db, PostRenderer renderer, IPublicSiteCache cache, TimeProvider clock)
{
    public const string ImportedBy = "import";
    private const int BatchSize = 64;

    private readonly HugoPostMapper _mapper = new(clock);

    /// <param name="progress">Told about each file as soon as it is done, in order, for a command line or a progress bar.</param>
    public async Task<HugoImportReport> ImportAsync(IEnumerable<HugoArchiveEntry> entries, HugoImportOptions? options = null, Action<HugoImportItem>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new HugoImportOptions();
        var known = await db.Posts.AsNoTracking()
            .Select(p => new KnownPost(p.Id, p.Slug, p.Origin, p.Status, p.ImportChecksum))
            .ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        var items = new List<HugoImportItem>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var publicSiteChanged = false;
        foreach (var batch in entries.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prepared = new Prepared[batch.Length];
            // Parsing and rendering are pure and the renderer is thread-safe: this is where the cores help.
            Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Prepare(batch[i], options, known));

            var outcomes = new HugoImportItem?[batch.Length];
            var inserts = new List<int>();
            for (var i = 0; i < prepared.Length; i++)
            {
                var file = prepared[i];
                if (file.Item is { } decided)
                {
                    outcomes[i] = decided;
                    continue;
                }

                var source = file.Parsed!.Post!;
                if (!claimed.TryAdd(source.Slug, file.Entry.Name))
                {
                    outcomes[i] = Failed(file, $"{claimed[source.Slug]} has the same address; give one of them another file name or slug");
                }
                else if (known.TryGetValue(source.Slug, out var existing))
                {
                    var (item, changedSite) = await UpdateAsync(file, existing, options, cancellationToken);
                    outcomes[i] = item;
                    publicSiteChanged |= changedSite;
                }
                else
                {
                    inserts.Add(i);
                }
            }

            publicSiteChanged |= await InsertAsync(prepared, inserts, outcomes, cancellationToken);
            foreach (var item in outcomes)
            {
                items.Add(item!);
                progress?.Invoke(item!);
            }
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

    /// <summary>Reads one file and, unless the outcome is already clear, builds and renders its post.</summary>
    private Prepared Prepare(HugoArchiveEntry entry, HugoImportOptions options, IReadOnlyDictionary<string, KnownPost> known)
    {
        if (entry.Content is null)
        {
            return new Prepared(entry, null, "", null, new HugoImportItem(entry.Name, entry.IsUnreadablePost ? HugoImportOutcome.Failed : HugoImportOutcome.Skipped, null, entry.Skipped, []));
        }

        var parsed = HugoPostParser.Parse(entry.Name, entry.Content);
        if (parsed.Post is not { } source)
        {
            return new Prepared(entry, parsed, "", null, new HugoImportItem(entry.Name, HugoImportOutcome.Failed, null, parsed.Failure ?? "the file could not be read", parsed.Notes));
        }

        var checksum = Checksum(entry.Content, options);
        if (known.TryGetValue(source.Slug, out var existing) && existing.Origin == PostOrigin.Imported && existing.ImportChecksum == checksum)
        {
            return new Prepared(entry, parsed, checksum, null, null) { Unchanged = true };
        }

        try
        {
            var post = _mapper.ToPost(source, options, parsed.Notes);
            post.RecordImport(checksum);
            if (post.Status == PostStatus.Published)
            {
                // Rendered from the sections' Markdown as written, which is the file's body: the old blog's page, word count and reading time.
                renderer.Render(post);
            }

            return new Prepared(entry, parsed, checksum, post, null);
        }
        catch (DomainException e)
        {
            return new Prepared(entry, parsed, checksum, null, new HugoImportItem(entry.Name, HugoImportOutcome.Failed, source.Slug, e.Message, parsed.Notes));
        }
    }

    private async Task<bool> InsertAsync(Prepared[] prepared, List<int> inserts, HugoImportItem?[] outcomes, CancellationToken cancellationToken)
    {
        if (inserts.Count == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var i in inserts)
            {
                Add(prepared[i], now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // One post of the batch was refused: write them one by one, so only that one is listed as failed.
            db.ChangeTracker.Clear();
            foreach (var i in inserts)
            {
                outcomes[i] = await InsertOneAsync(prepared[i], now, cancellationToken);
            }

            return inserts.Any(i => outcomes[i]!.Outcome != HugoImportOutcome.Failed && prepared[i].Post!.IsPublic);
        }
        finally
        {
            // The tracker does not grow with the archive.
            db.ChangeTracker.Clear();
        }

        foreach (var i in inserts)
        {
            outcomes[i] = Added(prepared[i]);
        }

        return inserts.Any(i => prepared[i].Post!.IsPublic);
    }

    private async Task<HugoImportItem> InsertOneAsync(Prepared file, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            Add(file, now);
            await db.SaveChangesAsync(cancellationToken);
            return Added(file);
        }
        catch (DbUpdateException e)
        {
            return Failed(file, "the database refused the post: " + (e.InnerException ?? e).Message);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private void Add(Prepared file, DateTime now)
    {
        db.Posts.Add(file.Post!);
        db.PostRevisions.Add(PostRevision.Capture(file.Post!, 1, ImportedBy, now, $"imported from {file.Entry.Name}"));
        db.Audit(clock, AuditActions.PostImported, AuditSubject.Post(file.Post!), $"imported from {file.Entry.Name} as {file.Post!.Status}");
    }

    private static HugoImportItem Added(Prepared file) => new(
        file.Entry.Name,
        file.Parsed!.Post!.IsFreeText ? HugoImportOutcome.ImportedAsFreeText : HugoImportOutcome.Imported,
        file.Parsed.Post.Slug,
        null,
        file.Parsed.Notes);

    /// <summary>A file for an address that already has a post: unchanged, the site's own export of it, an update, or refused.</summary>
    private async Task<(HugoImportItem Item, bool ChangedPublicSite)> UpdateAsync(Prepared file, KnownPost existing, HugoImportOptions options, CancellationToken cancellationToken)
    {
        var source = file.Parsed!.Post!;
        var notes = file.Parsed.Notes;
        if (file.Unchanged)
        {
            return (new HugoImportItem(source.FileName, HugoImportOutcome.Unchanged, source.Slug, null, notes), false);
        }

        try
        {
            var post = await db.Posts.Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Sources.OrderBy(x => x.Id)).Include(p => p.Transitions).AsSplitQuery()
                .SingleAsync(p => p.Id == existing.Id, cancellationToken);
            if (IsOwnExport(post, file.Entry.Content!))
            {
                // This site's own export of the post (edited or generated here): it says what the post says.
                return (new HugoImportItem(source.FileName, HugoImportOutcome.Unchanged, source.Slug, "the file is this site's own export of the post", notes), false);
            }

            if (existing.Origin != PostOrigin.Imported)
            {
                return (Failed(file, $"/posts/{source.Slug}/ already belongs to a {existing.Origin.ToString().ToLowerInvariant()} post, which is left as it is; give the file another name or slug"), false);
            }

            if (file.Post is not { } fresh)
            {
                return (file.Item ?? Failed(file, "the file could not be read"), false);
            }

            if (SameContent(post, fresh, options))
            {
                // Another file saying the same: the post, and its rendering from the original text, stay as they are.
                return (new HugoImportItem(source.FileName, HugoImportOutcome.Unchanged, source.Slug, null, notes), false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var wasPublic = post.IsPublic;
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
            return (new HugoImportItem(source.FileName, HugoImportOutcome.Updated, source.Slug, reason, notes), post.IsPublic || wasPublic);
        }
        catch (DomainException e)
        {
            return (Failed(file, e.Message), false);
        }
        catch (DbUpdateException e)
        {
            return (Failed(file, "the database refused the post: " + (e.InnerException ?? e).Message), false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool IsOwnExport(Post post, byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        return HugoExporter.Export(post).Text == text;
    }

    private static bool SameContent(Post post, Post fresh, HugoImportOptions options) =>
        post.Title == fresh.Title && post.Description == fresh.Description && post.Date == fresh.Date && post.Author == fresh.Author
        && post.Tags.SequenceEqual(fresh.Tags, StringComparer.Ordinal) && post.Flags == fresh.Flags && post.Cover == fresh.Cover
        && post.Aliases.SequenceEqual(fresh.Aliases, StringComparer.Ordinal)
        && post.IsPublic == fresh.IsPublic
        && (string.IsNullOrWhiteSpace(options.OldBaseUrl) || post.FeedId == fresh.FeedId)
        && post.SourceFrontMatter == fresh.SourceFrontMatter
        && post.Sections.OrderBy(s => s.Position).Select(s => (s.Kind, s.Text, s.Lead, s.Markdown))
            .SequenceEqual(fresh.Sections.Select(s => (s.Kind, s.Text, s.Lead, s.Markdown)));

    /// <summary>The file's bytes and the options that shape the post: the same file imported the same way is the same post.</summary>
    private static string Checksum(byte[] content, HugoImportOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(content);
        hash.AppendData(Encoding.UTF8.GetBytes($"\n{options.OldBaseUrl?.Trim().TrimEnd('/')}\n{options.DefaultAuthor}\n{options.Section}\n{options.Permalink}"));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static HugoImportItem Failed(Prepared file, string reason) =>
        new(file.Entry.Name, HugoImportOutcome.Failed, file.Parsed?.Post?.Slug, reason, file.Parsed?.Notes ?? []);

    private sealed record KnownPost(Guid Id, string Slug, PostOrigin Origin, PostStatus Status, string? ImportChecksum);

    /// <summary>One file after the work that needs no database: its parse, its checksum, its post, or an outcome already.</summary>
    private sealed record Prepared(HugoArchiveEntry Entry, HugoParseResult? Parsed, string Checksum, Post? Post, HugoImportItem? Item)
    {
        /// <summary>The same file, imported the same way, as the post already records.</summary>
        public bool Unchanged { get; init; }
    }
}
