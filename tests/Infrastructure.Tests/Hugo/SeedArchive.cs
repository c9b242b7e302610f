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

    private static string Locate() => Digest.TestSupport.FixtureFolder.Path("seed-archive");
}
