using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>The old blog's posts in shared/fixtures/seed-archive, found next to the repo (worktree) or at ../shared (CI).</summary>
internal static class SeedArchive
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path => Folder.Value;

    public static IEnumerable<string> FileNames =>
        Directory.GetFiles(Path, "*.md").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> All => [.. FileNames];

    public static string Text(string fileName) => File.ReadAllText(System.IO.Path.Combine(Path, fileName));

    public static HugoPost Read(string fileName)
    {
        var result = HugoPostParser.Parse(fileName, File.ReadAllBytes(System.IO.Path.Combine(Path, fileName)));
        Assert.True(result.Succeeded, result.Failure);
        return result.Post!;
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
