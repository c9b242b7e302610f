using System.IO.Compression;
using System.Text;
using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class ArchivesAreReadWithinLimits : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hugo-archive-").FullName;

    [Fact]
    public void A_zip_yields_its_posts_and_lists_every_skipped_file_with_a_reason()
    {
        using var zip = Zip(
            ("content/posts/a.md", Encoding.UTF8.GetBytes("---\ntitle: A\n---\n")),
            ("content/posts/_index.md", "---\ntitle: Posts\n---\n"u8.ToArray()),
            ("static/cover.png", [0x89, 0x50, 0x4E, 0x47]),
            ("__MACOSX/content/posts/._a.md", [0, 5, 22, 7]),
            ("content/posts/huge.md", new byte[50 * 1024 * 1024]));

        var entries = HugoArchiveReader.ReadZip(zip).ToDictionary(e => e.Name);

        Assert.Equal("---\ntitle: A\n---\n", Encoding.UTF8.GetString(entries["content/posts/a.md"].Content!));
        Assert.Equal("a Hugo list page (_index), not a post", entries["content/posts/_index.md"].Skipped);
        Assert.Equal("not a Markdown file", entries["static/cover.png"].Skipped);
        Assert.Equal("macOS metadata, not a post", entries["__MACOSX/content/posts/._a.md"].Skipped);
        Assert.Equal("larger than 5 MB (50 MB)", entries["content/posts/huge.md"].Skipped);
    }

    [Fact]
    public void The_seed_archive_folder_reads_as_twenty_posts()
    {
        var entries = HugoArchiveReader.ReadFolder(SeedArchive.Path).ToList();

        Assert.Equal(20, entries.Count);
        Assert.All(entries, e => Assert.True(HugoPostParser.Parse(e.Name, e.Content).Succeeded));
    }

    [Fact]
    public void A_50_MB_file_in_a_folder_is_skipped_with_its_size()
    {
        File.WriteAllText(Path.Combine(_folder, "ok.md"), "---\ntitle: ok\n---\n");
        using (var big = File.Create(Path.Combine(_folder, "big.md")))
        {
            big.SetLength(50L * 1024 * 1024);
        }

        var entries = HugoArchiveReader.ReadFolder(_folder).ToDictionary(e => e.Name);

        Assert.Equal("larger than 5 MB (50 MB)", entries["big.md"].Skipped);
        Assert.False(entries["ok.md"].IsSkipped);
    }

    [Fact]
    public void Past_the_total_limit_the_rest_is_listed_as_not_read()
    {
        using var zip = Zip(("1.md", new byte[600]), ("2.md", new byte[600]), ("3.md", new byte[10]));

        var entries = HugoArchiveReader.ReadZip(zip, new HugoArchiveLimits(1000, 1000, 100)).ToList();

        Assert.False(entries[0].IsSkipped);
        Assert.StartsWith("the archive holds more than", entries[1].Skipped, StringComparison.Ordinal);
        Assert.False(entries[2].IsSkipped);
    }

    [Fact]
    public void An_upload_that_is_not_a_zip_is_reported()
    {
        using var notZip = new MemoryStream("just text"u8.ToArray());

        var entry = Assert.Single(HugoArchiveReader.ReadZip(notZip));

        Assert.Equal("not a zip archive", entry.Skipped);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MemoryStream Zip(params (string Name, byte[] Content)[] files)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
