using System.IO.Compression;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class ExportedPostsComeBackTheSame
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_import_export_gives_the_same_files(DatabaseProvider provider)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        await using (var host = await ImportHost.CreateAsync(provider))
        {
            await host.ImportFolderAsync(SeedArchive.Path);
            Assert.Equal(20, await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteFolderAsync(first.Path, HugoExportScope.All)));
        }

        await using (var host = await ImportHost.CreateAsync(provider))
        {
            var report = await host.ImportFolderAsync(first.Path);
            Assert.Equal(20, report.Imported);
            await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteFolderAsync(second.Path, HugoExportScope.All));
        }

        var names = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(SeedArchive.FileNames, names);
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first.Path, name!)), File.ReadAllText(Path.Combine(second.Path, name!)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_exported_file_has_the_front_matter_and_sections_of_the_original(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        await host.ImportFolderAsync(SeedArchive.Path);

        var files = new List<HugoExportFile>();
        await host.WithAsync(async s =>
        {
            await foreach (var file in s.GetRequiredService<HugoSiteExporter>().ExportAsync(HugoExportScope.Published))
            {
                files.Add(file);
            }

            return files.Count;
        });

        Assert.Equal(20, files.Count);
        foreach (var file in files)
        {
            var original = SeedArchive.Read(file.FileName);
            var exported = HugoPostParser.Parse(file.FileName, file.Text).Post!;
            var (was, now) = (original.FrontMatter, exported.FrontMatter);
            Assert.Equal((was.Title, was.Date, was.Draft, was.Author, was.Flags, was.Cover), (now.Title, now.Date, now.Draft, now.Author, now.Flags, now.Cover));
            Assert.Equal(was.Tags, now.Tags);
            Assert.Equal(original.Sections.Select(x => (x.Kind, x.Text)), exported.Sections.Select(x => (x.Kind, x.Text)));
            // The front matter block comes back byte for byte.
            Assert.StartsWith(SeedArchive.Text(file.FileName)[..(SeedArchive.Text(file.FileName).IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)], file.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_zip_holds_only_the_posts_asked_for(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        File.Copy(Path.Combine(SeedArchive.Path, "2023-04-12-ai-auto-summary.md"), Path.Combine(folder.Path, "2023-04-12-ai-auto-summary.md"));
        folder.Write("unfinished.md", "---\ntitle: \"Unfinished\"\ndate: 2024-03-03\ndraft: true\n---\nNot yet.\n");
        await host.ImportFolderAsync(folder.Path);

        async Task<List<string>> Zipped(HugoExportScope scope)
        {
            using var zip = new MemoryStream();
            await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteZipAsync(zip, scope));
            zip.Position = 0;
            using var archive = new ZipArchive(zip);
            return [.. archive.Entries.Select(e => e.FullName).Order()];
        }

        Assert.Equal(["2023-04-12-ai-auto-summary.md", "unfinished.md"], await Zipped(HugoExportScope.All));
        Assert.Equal(["2023-04-12-ai-auto-summary.md"], await Zipped(HugoExportScope.Published));
        Assert.Equal(["unfinished.md"], await Zipped(HugoExportScope.Draft));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Old_addresses_are_kept_and_the_file_exports_as_written(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        const string file = "---\ntitle: \"Moved\"\ndate: 2024-01-01\nurl: /2024/01/old-name/\naliases: [\"/posts/older-name/\", \"oldest\", \"https://old.example.com/archive/x.html\"]\n---\nText.\n";
        folder.Write("moved.md", file);

        await host.ImportFolderAsync(folder.Path);

        var post = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().Include(p => p.Sections).SingleAsync());
        Assert.Equal("old-name", post.Slug);
        Assert.Equal(["/2024/01/old-name", "/posts/older-name", "/posts/oldest", "/archive/x.html"], post.Aliases);
        var exported = HugoExporter.Export(post).Text;
        // The url and aliases come back as the file had them, so Hugo answers at every old address again.
        Assert.Equal(file, exported);
        var again = await host.ImportAsync([new HugoArchiveEntry("old-name.md", System.Text.Encoding.UTF8.GetBytes(exported), null)]);
        Assert.Equal(HugoImportOutcome.Unchanged, Assert.Single(again.Items).Outcome);
    }

    [Fact]
    public void Old_addresses_compare_equal_however_a_link_wrote_them()
    {
        Assert.Equal("/2024/01/old-name", OldAddresses.Normalize("https://old.blog/2024/01/Old-Name/?utm=x#top"));
        Assert.Equal("/2024/01/old-name", OldAddresses.Normalize("/2024/01/old-name/index.html"));
        Assert.Equal("/posts/a b", OldAddresses.Normalize("posts/a%20b"));
        Assert.Null(OldAddresses.Normalize("/"));
    }
}
