using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Digest.Domain.Posts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Hugo;

/// <summary>Which posts an export takes: the published ones, the others (Hugo's <c>draft: true</c>), or all.</summary>
public enum HugoExportScope
{
    All,
    Published,
    Draft,
}

/// <summary>
/// Writes posts out of the database as Hugo Markdown files (<see cref="HugoExporter"/>), to a folder or a zip, so an
/// owner leaving takes every post with them. Posts are read a page at a time, oldest first, so memory stays flat.
/// </summary>
public sealed class HugoSiteExporter(DigestDbContext db, TimeProvider clock)
{
    private const int PageSize = 100;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static HugoExportScope ParseScope(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => HugoExportScope.All,
        "published" => HugoExportScope.Published,
        "draft" or "drafts" => HugoExportScope.Draft,
        _ => throw new ArgumentException($"\"{text}\" is not a status to export; use published, draft or all."),
    };

    public async IAsyncEnumerable<HugoExportFile> ExportAsync(HugoExportScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = db.Posts.AsNoTracking();
        query = scope switch
        {
            HugoExportScope.Published => query.Where(p => p.Status == PostStatus.Published),
            HugoExportScope.Draft => query.Where(p => p.Status != PostStatus.Published),
            _ => query,
        };

        for (var page = 0; ; page++)
        {
            var posts = await query.OrderBy(p => p.Date).ThenBy(p => p.Id)
                .Skip(page * PageSize).Take(PageSize)
                // The sources too: the file carries each topic's source links, as the page does.
                .Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Sources.OrderBy(x => x.Id)).AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var post in posts)
            {
                yield return HugoExporter.Export(post);
            }

            if (posts.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Writes each post as <c>&lt;folder&gt;/&lt;slug&gt;.md</c>, replacing a file of that name.</summary>
    public async Task<int> WriteFolderAsync(string folder, HugoExportScope scope, Action<HugoExportFile>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var count = 0;
        await foreach (var file in ExportAsync(scope, cancellationToken))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file.FileName), file.Text, Utf8, cancellationToken);
            progress?.Invoke(file);
            count++;
        }

        await AuditAsync(scope, $"{count} post(s) written to {folder}", cancellationToken);
        return count;
    }

    /// <summary>Writes a zip of <c>&lt;slug&gt;.md</c> files to a seekable stream (a response body is not: use a temp file).</summary>
    public async Task<int> WriteZipAsync(Stream output, HugoExportScope scope, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await foreach (var file in ExportAsync(scope, cancellationToken))
            {
                var entry = zip.CreateEntry(file.FileName, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(Utf8.GetBytes(file.Text), cancellationToken);
                count++;
            }
        }

        await AuditAsync(scope, $"{count} post(s) as a zip", cancellationToken);
        return count;
    }

    /// <summary>An export takes every post out of the site: who did it, and from where, is recorded.</summary>
    private async Task AuditAsync(HugoExportScope scope, string what, CancellationToken cancellationToken)
    {
        db.Audit(clock, AuditActions.ExportDownloaded, AuditSubject.Archive($"export of {scope.ToString().ToLowerInvariant()} posts"), what);
        await db.SaveChangesAsync(cancellationToken);
    }
}
