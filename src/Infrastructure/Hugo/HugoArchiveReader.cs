using System.IO.Compression;

namespace Digest.Infrastructure.Hugo;

/// <summary>Size limits for reading an uploaded archive or a folder: per Markdown file, in total, and how many files.</summary>
public sealed record HugoArchiveLimits(long MaxFileBytes, long MaxTotalBytes, int MaxFiles)
{
    public static readonly HugoArchiveLimits Default = new(HugoPostParser.DefaultMaxBytes, 500L * 1024 * 1024, 20_000);
}

/// <summary>One file of an archive: its content, or why it was skipped (which the import report lists).</summary>
/// <param name="IsUnreadablePost">A post that could not be read (too large, past the limits, corrupt), which the
/// import counts as failed; other skipped files (images, list pages) were never posts.</param>
public sealed record HugoArchiveEntry(string Name, byte[]? Content, string? Skipped, bool IsUnreadablePost = false)
{
    public bool IsSkipped => Content is null;
}

/// <summary>
/// Reads the Markdown files of a Hugo site from a zip or a folder, within limits. Every file is accounted for:
/// other files, Hugo's list pages (<c>_index.md</c>), macOS metadata and files over the limits come back as
/// skipped entries with a reason instead of being read. Sizes are measured while reading, not taken from the zip's
/// headers, which can lie.
/// </summary>
public static class HugoArchiveReader
{
    public static IEnumerable<HugoArchiveEntry> ReadZip(Stream zip, HugoArchiveLimits? limits = null)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return [new HugoArchiveEntry("(upload)", null, "not a zip archive", IsUnreadablePost: true)];
        }

        return ReadZipEntries(archive, limits ?? HugoArchiveLimits.Default);
    }

    public static IEnumerable<HugoArchiveEntry> ReadFolder(string folder, HugoArchiveLimits? limits = null)
    {
        limits ??= HugoArchiveLimits.Default;
        if (!Directory.Exists(folder))
        {
            return [new HugoArchiveEntry(folder, null, "no such folder", IsUnreadablePost: true)];
        }

        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(path => (Name: Path.GetRelativePath(folder, path).Replace('\\', '/'), Path: path))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
        return Read(files, file => file.Name, file => new FileInfo(file.Path).Length, file => File.OpenRead(file.Path), limits);
    }

    private static IEnumerable<HugoArchiveEntry> ReadZipEntries(ZipArchive archive, HugoArchiveLimits limits)
    {
        using (archive)
        {
            var files = archive.Entries.Where(entry => !entry.FullName.EndsWith('/')).OrderBy(entry => entry.FullName, StringComparer.Ordinal);
            foreach (var entry in Read(files, entry => entry.FullName, entry => entry.Length, entry => entry.Open(), limits))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<HugoArchiveEntry> Read<T>(IEnumerable<T> files, Func<T, string> nameOf, Func<T, long> declaredSize, Func<T, Stream> open, HugoArchiveLimits limits)
    {
        long total = 0;
        var count = 0;
        foreach (var file in files)
        {
            var name = nameOf(file);
            if (WhySkipped(name) is { } reason)
            {
                yield return new HugoArchiveEntry(name, null, reason);
                continue;
            }

            if (++count > limits.MaxFiles)
            {
                yield return new HugoArchiveEntry(name, null, $"more than {limits.MaxFiles} Markdown files; the rest are not read", IsUnreadablePost: true);
                continue;
            }

            if (declaredSize(file) > limits.MaxFileBytes)
            {
                yield return new HugoArchiveEntry(name, null, TooBig(declaredSize(file), limits.MaxFileBytes), IsUnreadablePost: true);
                continue;
            }

            var allowance = limits.MaxTotalBytes - total;
            var (content, error) = ReadAtMost(() => open(file), Math.Min(limits.MaxFileBytes, allowance));
            if (content is null)
            {
                yield return new HugoArchiveEntry(name, null, error ?? (allowance < limits.MaxFileBytes
                    ? $"the archive holds more than {limits.MaxTotalBytes / (1024.0 * 1024):0.#} MB of Markdown; the rest is not read"
                    : TooBig(limits.MaxFileBytes + 1, limits.MaxFileBytes)), IsUnreadablePost: true);
                continue;
            }

            total += content.Length;
            yield return new HugoArchiveEntry(name, content, null);
        }
    }

    /// <summary>Reads up to <paramref name="max"/> bytes; null content when there is more, or an error when the data is corrupt.</summary>
    private static (byte[]? Content, string? Error) ReadAtMost(Func<Stream> open, long max)
    {
        try
        {
            using var stream = open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (null, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, $"could not be read: {e.Message}");
        }
    }

    private static string? WhySkipped(string name)
    {
        var fileName = name[(name.LastIndexOf('/') + 1)..];
        if (name.StartsWith("__MACOSX/", StringComparison.Ordinal) || fileName.StartsWith("._", StringComparison.Ordinal))
        {
            return "macOS metadata, not a post";
        }

        if (!fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return "not a Markdown file";
        }

        return fileName.StartsWith("_index.", StringComparison.OrdinalIgnoreCase) ? "a Hugo list page (_index), not a post" : null;
    }

    private static string TooBig(long size, long max) =>
        $"larger than {max / (1024.0 * 1024):0.#} MB" + (size > max + 1 ? $" ({size / (1024.0 * 1024):0.#} MB)" : "");
}
