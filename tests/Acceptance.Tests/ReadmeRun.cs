using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Digest.TestSupport;

namespace Digest.Acceptance.Tests;

/// <summary>
/// What the README's commands share while the suite types them one after another: a throwaway data directory (given
/// as Digest__DataDirectory; the SQLite default otherwise), a feed served on 127.0.0.1 (sources on private addresses
/// allowed for this run), the old blog's posts to import and an empty folder to export to.
/// </summary>
public sealed class ReadmeRun : IAsyncLifetime
{
    private static readonly string[] Headlines = ["Small models on phones", "A benchmark nobody can game", "Open weights, closed data"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("digest-readme-");
    private LocalHttpServer _feeds = default!;

    public string DataDirectory => Path.Combine(_work.FullName, "data");

    public async Task InitializeAsync()
    {
        _feeds = await LocalHttpServer.StartAsync();
        _feeds.Serve("/feed.xml", LocalResponse.Text(Feed(DateTimeOffset.UtcNow), "application/rss+xml; charset=utf-8"));

        // The old Hugo site's root as an owner has it: its config and the seed archive under content/posts.
        var posts = Directory.CreateDirectory(Path.Combine(HugoSite, "content", "posts")).FullName;
        foreach (var file in Directory.EnumerateFiles(FixtureFolder.Path("seed-archive"), "*.md"))
        {
            File.Copy(file, Path.Combine(posts, Path.GetFileName(file)));
        }

        // The list an owner brings from their old newsletter provider.
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, "subscribers.csv"), "email\nreader@example.com\nada.reader@example.org\n");
        await File.WriteAllTextAsync(Path.Combine(HugoSite, "hugo.toml"), "baseURL = \"https://old.blog.example/\"\ntitle = \"Old blog\"\nrssLimit = 20\n");
    }

    private string HugoSite => Path.Combine(_work.FullName, "old-blog");

    /// <summary>The line as the suite types it: the README's placeholders replaced (<see cref="ReadmeExamples.Substitutions"/>).</summary>
    public string Type(string line)
    {
        foreach (var (inReadme, typed) in ReadmeExamples.Substitutions)
        {
            line = line.Replace(inReadme, Fill(typed), StringComparison.Ordinal);
        }

        return line;
    }

    /// <summary>The placeholder left in a typed line, or null.</summary>
    public static string? PlaceholderIn(string typed) =>
        ReadmeExamples.PlaceholderPatterns.Select(p => Regex.Match(typed, p)).FirstOrDefault(m => m.Success)?.Value.Trim();

    public IReadOnlyDictionary<string, string> Environment(Expectation expectation) => new Dictionary<string, string>
    {
        ["Digest__DataDirectory"] = DataDirectory,
        ["Digest__Sources__AllowPrivateNetworks"] = "true",
        ["Digest__Demo"] = expectation.Demo ? "true" : "false",
    };

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        _work.Delete(recursive: true);
    }

    private string Fill(string typed) => typed
        .Replace("{feed}", _feeds.Url("/feed.xml").AbsoluteUri, StringComparison.Ordinal)
        .Replace("{hugo-posts}", FixtureFolder.Path("seed-archive"), StringComparison.Ordinal)
        .Replace("{export}", Path.Combine(_work.FullName, "export"), StringComparison.Ordinal)
        .Replace("{work}", _work.FullName, StringComparison.Ordinal)
        .Replace("{hugo-site}", HugoSite, StringComparison.Ordinal);

    private static string Feed(DateTimeOffset now)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example</title><link>https://example.org/</link><description>A feed for the README walk-through</description>""");
        foreach (var (title, i) in Headlines.Select((t, i) => (t, i)))
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{title}</title><link>https://example.org/{i}</link><guid>https://example.org/{i}</guid><description>What people said about it.</description><pubDate>{now.AddHours(-1 - i).ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }
}
