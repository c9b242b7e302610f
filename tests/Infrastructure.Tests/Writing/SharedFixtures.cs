namespace Digest.Infrastructure.Tests.Writing;

/// <summary>Finds shared/fixtures next to the worktree, or at ../shared in CI, by walking up from the test binaries.</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder.Value, .. parts]);

    private static string Locate() => Digest.TestSupport.FixtureFolder.Root;
}
