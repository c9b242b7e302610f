namespace Digest.Web.Tests.Import;

[Collection(ProgramsCollection.Name)]
public sealed class ImportAndExportVerbsRunThroughTheProgram : IDisposable
{
    private readonly ProgramRun _program = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("digest-cli-files-").FullName;

    [Fact]
    public async Task Importing_the_archive_twice_reports_it_imported_then_unchanged()
    {
        var first = await _program.RunAsync("import", SeedFiles.Path, "--base-url", "https://old.example.com/");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("1  imported              2023-04-12-ai-auto-summary.md → /posts/2023-04-12-ai-auto-summary/", first.Output, StringComparison.Ordinal);
        Assert.Contains("imported 20, updated 0, unchanged 0, imported as free text 0, failed 0, skipped 0\n", first.Output, StringComparison.Ordinal);
        Assert.EndsWith("Feed guids: the old permalinks, e.g. https://old.example.com/posts/2026-01-04-ai-auto-summary/", first.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("warning", first.Error, StringComparison.Ordinal);

        var second = await _program.RunAsync("import", SeedFiles.Path, "--base-url", "https://old.example.com/");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("imported 0, updated 0, unchanged 20, imported as free text 0, failed 0, skipped 0\n", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hugo_site_root_gives_the_base_url_permalinks_and_feed_length_from_its_config()
    {
        var posts = Directory.CreateDirectory(Path.Combine(_folder, "content", "posts")).FullName;
        foreach (var name in SeedFiles.Names)
        {
            File.Copy(Path.Combine(SeedFiles.Path, name), Path.Combine(posts, name));
        }

        File.WriteAllText(Path.Combine(_folder, "config.yaml"), "baseURL: https://old.example.com/\ntitle: Old blog\nrssLimit: 5\npermalinks:\n  posts: /posts/:filename/\n");

        var result = await _program.RunAsync("import", _folder);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Posts: content/posts\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("Base URL: https://old.example.com/ (from baseURL in config.yaml)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Feed guids: the old permalinks, e.g. https://old.example.com/posts/2026-01-04-ai-auto-summary/", result.Output, StringComparison.Ordinal);
        Assert.Contains("Feeds: the newest 5 posts, as the old site served them (rssLimit in config.yaml).", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posts_folder_without_a_base_url_imports_and_warns_that_feed_guids_will_change()
    {
        var result = await _program.RunAsync("import", SeedFiles.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the old blog's base URL is unknown", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Feed guids", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_binary_and_huge_files_are_listed_with_reasons_and_the_exit_code_is_1()
    {
        File.Copy(Path.Combine(SeedFiles.Path, "2024-07-18-ai-auto-summary.md"), Path.Combine(_folder, "good.md"));
        File.WriteAllText(Path.Combine(_folder, "broken.md"), "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nBody\n");
        File.WriteAllBytes(Path.Combine(_folder, "binary.md"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);
        using (var huge = File.Create(Path.Combine(_folder, "huge.md")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        File.WriteAllText(Path.Combine(_folder, "readme.txt"), "not a post");

        var result = await _program.RunAsync("import", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("imported 1, updated 0, unchanged 0, imported as free text 0, failed 3, skipped 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("error: 3 file(s) were not imported:", result.Error, StringComparison.Ordinal);
        Assert.Contains("broken.md: The front matter is not valid YAML", result.Error, StringComparison.Ordinal);
        Assert.Contains("binary.md: The file is binary", result.Error, StringComparison.Ordinal);
        Assert.Contains("huge.md: larger than 5 MB (50 MB)", result.Error, StringComparison.Ordinal);
        Assert.Contains("skipped               readme.txt: not a Markdown file", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_imports_like_a_folder()
    {
        var zip = Path.Combine(_folder, "archive.zip");
        File.WriteAllBytes(zip, SeedFiles.Zip(("static/cover.png", [0x89, 0x50])));

        var result = await _program.RunAsync("import", zip);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("imported 20, updated 0, unchanged 0, imported as free text 0, failed 0, skipped 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_a_one_line_error()
    {
        var result = await _program.RunAsync("import", Path.Combine(_folder, "nothing-here"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: There is no file or folder at", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_published_posts_back_with_their_front_matter()
    {
        Assert.Equal(0, (await _program.RunAsync("import", SeedFiles.Path)).ExitCode);
        var target = Path.Combine(_folder, "out");

        var result = await _program.RunAsync("export", target, "--status", "published");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"Exported 20 post(s) to {target}.", result.Output, StringComparison.Ordinal);
        Assert.Equal(SeedFiles.Names, Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var original = File.ReadAllText(Path.Combine(SeedFiles.Path, "2023-04-12-ai-auto-summary.md"));
        var frontMatter = original[..(original.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)];
        Assert.StartsWith(frontMatter, File.ReadAllText(Path.Combine(target, "2023-04-12-ai-auto-summary.md")), StringComparison.Ordinal);

        var drafts = await _program.RunAsync("export", Path.Combine(_folder, "drafts"), "--status", "draft");
        Assert.Contains("Exported 0 post(s)", drafts.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_refuses_an_unknown_status()
    {
        var result = await _program.RunAsync("export", _folder, "--status", "everything");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("everything", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _program.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
