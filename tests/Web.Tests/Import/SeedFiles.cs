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

    private static string Locate() => Digest.TestSupport.FixtureFolder.Path("seed-archive");
}
