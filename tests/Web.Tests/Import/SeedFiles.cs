using System.IO.Compression;

namespace Digest.Web.Tests.Import;

/// <summary>The old blog's posts in shared/fixtures/seed-archive, found next to the repo (worktree) or at ../shared (CI).</summary>
internal static class SeedFiles
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path => Folder.Value;

    public static IReadOnlyList<string> Names => [.. Directory.GetFiles(Path, "*.md").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static byte[] Zip(params (string Name, byte[] Content)[] extra)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in Names)
            {
                archive.CreateEntryFromFile(System.IO.Path.Combine(Path, name), "content/posts/" + name);
            }

            foreach (var (name, content) in extra)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures") })
            {
                var archive = System.IO.Path.Combine(candidate, "seed-archive");
                if (Directory.Exists(archive))
                {
                    return System.IO.Path.GetFullPath(archive);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures/seed-archive was not found above " + AppContext.BaseDirectory);
    }
}
