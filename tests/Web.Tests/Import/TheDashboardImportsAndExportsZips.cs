using System.IO.Compression;
using System.Net;
using System.Text;
using Digest.Infrastructure.Identity;

namespace Digest.Web.Tests.Import;

public sealed class TheDashboardImportsAndExportsZips : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync() => _app = await DigestAppFactory.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_uploads_the_archive_and_sees_the_report_then_the_posts_are_public()
    {
        var admin = await _app.SignedInAsync("owner@example.com", Roles.Admin);
        var zip = SeedFiles.Zip(("content/posts/broken.md", "---\ntitle: [unclosed\n---\n"u8.ToArray()), ("static/cover.png", [0x89, 0x50]));

        var response = await admin.UploadAsync("/admin/import-export", "import", "archive", "old-blog.zip", zip);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var report = page.QuerySelector(".import-report")!;
        Assert.Equal("imported 20, updated 0, unchanged 0, imported as free text 0, failed 1, skipped 1", report.QuerySelector(".summary")!.TextContent);
        Assert.Contains("1 file(s) were not imported", report.TextContent, StringComparison.Ordinal);
        Assert.Contains("22 of 22 files read", report.TextContent, StringComparison.Ordinal);
        var broken = report.QuerySelector("tr.outcome-failed")!;
        Assert.Contains("content/posts/broken.md", broken.TextContent, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", broken.TextContent, StringComparison.Ordinal);
        Assert.NotNull(report.QuerySelector("a[href='/posts/2024-07-18-ai-auto-summary/']"));

        var post = await _app.Client().GetAsync("/posts/2024-07-18-ai-auto-summary/");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var again = await Forms.ParseAsync(await admin.UploadAsync("/admin/import-export", "import", "archive", "old-blog.zip", zip));
        Assert.StartsWith("imported 0, updated 0, unchanged 20", again.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_zip_or_too_large_gets_a_clear_error()
    {
        var admin = await _app.SignedInAsync("owner@example.com", Roles.Admin);

        var notZip = await Forms.ParseAsync(await admin.UploadAsync("/admin/import-export", "import", "archive", "post.md", Encoding.UTF8.GetBytes("---\ntitle: x\n---\n")));
        Assert.Equal("post.md is not a zip archive; upload a .zip of Markdown files.", notZip.QuerySelector("[role=alert]")!.TextContent);

        var tooLarge = await Forms.ParseAsync(await admin.UploadAsync("/admin/import-export", "import", "archive", "huge.zip", new byte[26 * 1024 * 1024]));
        Assert.Contains("huge.zip is 26 MB; uploads are limited to 25 MB", tooLarge.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_downloads_all_posts_or_only_the_published_ones_as_a_zip()
    {
        await _app.ImportSeedAsync(new Digest.Infrastructure.Hugo.HugoArchiveEntry("unfinished.md", "---\ntitle: \"Unfinished\"\ndate: 2024-03-03\ndraft: true\n---\nNot yet.\n"u8.ToArray(), null));
        var admin = await _app.SignedInAsync("owner@example.com", Roles.Admin);
        var page = await admin.GetDocumentAsync("/admin/import-export");
        Assert.NotNull(page.QuerySelector("a[href='/admin/export.zip?status=published']"));

        var all = await admin.GetAsync("/admin/export.zip?status=all");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("application/zip", all.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".zip", all.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(21, Entries(await all.Content.ReadAsByteArrayAsync()).Count);

        var published = Entries(await admin.GetByteArrayAsync("/admin/export.zip?status=published"));
        Assert.Equal(SeedFiles.Names, published.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("---\ntitle: \"[Daily Automated AI Summary]\"\ndate: 2023-04-12T16:11:21Z\ndraft: false\n", published["2023-04-12-ai-auto-summary.md"], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/export.zip?status=everything")).StatusCode);
    }

    [Fact]
    public async Task Editors_and_visitors_can_neither_import_nor_export()
    {
        await _app.SignedInAsync("owner@example.com", Roles.Admin);
        var editor = await _app.SignedInAsync("editor@example.com", Roles.Editor);

        foreach (var path in new[] { "/admin/import-export", "/admin/export.zip" })
        {
            var denied = await editor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/access-denied", denied.LocalTarget(), StringComparison.Ordinal);

            var anonymous = await _app.Client().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.LocalTarget(), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }
}
