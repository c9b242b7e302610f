namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Finds the captured payloads in shared/fixtures/sources, beside the repository (CI: ../shared) or above it.</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static string Path(string name) => System.IO.Path.Combine(Directory.Value, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    private static string Locate() => Digest.TestSupport.FixtureFolder.Path("sources");
}
