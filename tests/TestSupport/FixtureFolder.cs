namespace Digest.TestSupport;

/// <summary>
/// The read-only fixtures in shared/fixtures. A developer's work tree has shared/ beside or above the repository,
/// CI puts a copy at ../shared next to the clone: both are found by walking up from the test binaries.
/// </summary>
public static class FixtureFolder
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Root => Located.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures") })
            {
                if (Directory.Exists(System.IO.Path.Combine(candidate, "seed-archive")))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures was not found above " + AppContext.BaseDirectory);
    }
}
