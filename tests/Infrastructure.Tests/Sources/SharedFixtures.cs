namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Finds the captured payloads in shared/fixtures/sources, beside the repository (CI: ../shared) or above it.</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static string Path(string name) => System.IO.Path.Combine(Directory.Value, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "sources"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures", "sources") })
            {
                if (System.IO.Directory.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException($"shared/fixtures/sources not found above {AppContext.BaseDirectory}");
    }
}
