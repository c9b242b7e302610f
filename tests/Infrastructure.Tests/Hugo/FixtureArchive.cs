using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>
/// Every Hugo post the tests know: the old blog's 20 real posts (shared/fixtures/seed-archive) and the small posts
/// written for this project (Hugo/Layouts), one per layout class the old model produced that is easy to misread.
/// </summary>
internal static class FixtureArchive
{
    public static string LayoutsPath => Path.Combine(AppContext.BaseDirectory, "Hugo", "Layouts");

    public static IReadOnlyList<string> Layouts =>
        [.. Directory.GetFiles(LayoutsPath, "*.md").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>File name → full path, seed files first.</summary>
    public static IReadOnlyList<(string Name, string Path)> All =>
        [.. SeedArchive.FileNames.Select(n => (n, Path.Combine(SeedArchive.Path, n))), .. Layouts.Select(n => (n, Path.Combine(LayoutsPath, n)))];

    public static TheoryData<string> Names => [.. All.Select(f => f.Name)];

    public static string PathOf(string name) => All.Single(f => f.Name == name).Path;

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static HugoParseResult Parse(string name) => HugoPostParser.Parse(name, File.ReadAllBytes(PathOf(name)));

    /// <summary>Copies every fixture into <paramref name="folder"/>.</summary>
    public static void CopyTo(TempFolder folder)
    {
        foreach (var (name, path) in All)
        {
            File.Copy(path, System.IO.Path.Combine(folder.Path, name));
        }
    }
}
