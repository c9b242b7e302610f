namespace Digest.Infrastructure.Tests.Writing;

/// <summary>Finds shared/fixtures next to the worktree, or at ../shared in CI, by walking up from the test binaries.</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder.Value, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures") })
            {
                if (Directory.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures was not found above " + AppContext.BaseDirectory);
    }
}
