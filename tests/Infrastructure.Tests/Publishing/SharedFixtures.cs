namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>
/// Finds the read-only shared fixtures: beside the repository (/work/shared for a worktree, ../shared for
/// a CI clone), by walking up from the test binaries.
/// </summary>
internal static class SharedFixtures
{
    public static string Directory { get; } = Find();

    public static string SeedArchive(string fileName) => Path.Combine(Directory, "seed-archive", fileName);

    /// <summary>The Markdown body of a seed-archive post, without its front matter.</summary>
    public static string SeedBody(string fileName)
    {
        var text = File.ReadAllText(SeedArchive(fileName)).ReplaceLineEndings("\n");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return text.StartsWith("---\n", StringComparison.Ordinal) && end > 0 ? text[(end + 5)..] : text;
    }

    private static string Find() => Digest.TestSupport.FixtureFolder.Root;
}
