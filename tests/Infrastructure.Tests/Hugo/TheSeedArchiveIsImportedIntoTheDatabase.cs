using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Publishing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class TheSeedArchiveIsImportedIntoTheDatabase
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_file_becomes_a_post_with_the_sections_titles_and_texts_of_the_file(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);

        var report = await host.ImportFolderAsync(SeedArchive.Path, new HugoImportOptions("https://old.example.com/"));

        Assert.Equal(20, report.Imported);
        Assert.Equal("imported 20, updated 0, unchanged 0, imported as free text 0, failed 0, skipped 0", report.Summary);
        var posts = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().Include(p => p.Sections).AsSplitQuery().ToListAsync());
        Assert.Equal(20, posts.Count);
        foreach (var file in SeedArchive.FileNames)
        {
            var expected = SeedArchive.Read(file);
            var post = Assert.Single(posts, p => p.Slug == expected.Slug);
            var sections = post.Sections.OrderBy(s => s.Position).ToList();
            Assert.Equal(expected.Sections.Count, sections.Count);
            Assert.Equal(expected.Sections.Select(s => s.Kind), sections.Select(s => s.Kind));
            Assert.Equal(expected.Sections.Select(s => s.Text.Heading), sections.Select(s => s.Heading));
            Assert.Equal(expected.Sections.Select(s => s.Text), sections.Select(s => s.Text));
            Assert.Equal(expected.FrontMatter.Title, post.Title);
            Assert.Equal(expected.FrontMatter.Date, post.Date);
            Assert.Equal(expected.FrontMatter.Tags, post.Tags);
            Assert.Equal(expected.FrontMatter.Cover, post.Cover);
            Assert.Equal($"https://old.example.com/posts/{expected.Slug}/", post.FeedId);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imported_posts_are_published_on_their_old_dates_without_a_run_or_reviewer_and_count_words_as_hugo_did(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        await host.ImportFolderAsync(SeedArchive.Path);

        var post = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Slug == "2024-07-18-ai-auto-summary"));
        var original = SeedArchive.Read("2024-07-18-ai-auto-summary.md");
        var renderer = host.Services.GetRequiredService<PostRenderer>();

        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(PostOrigin.Imported, post.Origin);
        Assert.Equal(original.FrontMatter.Date, post.PublishedAt);
        Assert.Equal(original.FrontMatter.Date, post.Date);
        Assert.Null(post.GenerationRunId);
        Assert.Null(post.ReviewedBy);
        Assert.Null(post.WrittenBy);
        Assert.Equal(renderer.RenderMarkdown(original.Body).WordCount, post.WordCount);
        Assert.Contains("Possible consequences of current developments", post.ContentHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_files_again_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        await host.ImportFolderAsync(SeedArchive.Path);
        var before = await Snapshot(host);
        host.Clock.Advance(TimeSpan.FromDays(1));

        var again = await host.ImportFolderAsync(SeedArchive.Path);

        Assert.Equal(20, again.Unchanged);
        Assert.Equal(0, again.Imported + again.Updated + again.Failed);
        Assert.Equal(before, await Snapshot(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_file_updates_its_post_in_place(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        folder.CopySeedArchive();
        await host.ImportFolderAsync(folder.Path);
        var before = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Slug == "2023-04-12-ai-auto-summary"));
        var path = Path.Combine(folder.Path, "2023-04-12-ai-auto-summary.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("1. **Dolly 2.0**", "1. **Dolly 2.0, corrected**", StringComparison.Ordinal).Replace("draft: false", "draft: true", StringComparison.Ordinal));

        var report = await host.ImportFolderAsync(folder.Path);

        var item = Assert.Single(report.Items, i => i.Outcome == HugoImportOutcome.Updated);
        Assert.Equal("2023-04-12-ai-auto-summary.md", item.FileName);
        Assert.Equal(19, report.Unchanged);
        var after = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().Include(p => p.Sections).SingleAsync(p => p.Slug == "2023-04-12-ai-auto-summary"));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.FeedId, after.FeedId);
        Assert.Equal(PostStatus.Draft, after.Status);
        Assert.Contains(after.Sections, s => s.Heading == "Dolly 2.0, corrected");
        Assert.DoesNotContain(after.Sections, s => s.Heading == "Dolly 2.0");
        Assert.Equal(SeedArchive.Read("2023-04-12-ai-auto-summary.md").Sections.Count, after.Sections.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_post_that_was_not_imported_is_never_overwritten(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        await host.WithAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            db.Posts.Add(Post.CreateDraft("2023-04-12-ai-auto-summary", "Written here", ImportHost.Now.UtcDateTime, "Ada", PostOrigin.Manual, ImportHost.Now.UtcDateTime));
            return await db.SaveChangesAsync();
        });

        var report = await host.ImportFolderAsync(SeedArchive.Path);

        var failed = Assert.Single(report.Failures);
        Assert.Equal("2023-04-12-ai-auto-summary.md", failed.FileName);
        Assert.Contains("already belongs to a manual post", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(19, report.Imported);
        var kept = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Slug == "2023-04-12-ai-auto-summary"));
        Assert.Equal("Written here", kept.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unreadable_files_are_reported_and_the_rest_is_imported(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        File.Copy(Path.Combine(SeedArchive.Path, "2023-04-12-ai-auto-summary.md"), Path.Combine(folder.Path, "good.md"));
        folder.Write("broken.md", "---\ntitle: \"Broken\"\ndate: 2024-01-01\ntags: [\"a\", \"b\"\nauthor: x\n---\nBody\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "image.md"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        using (var huge = File.Create(Path.Combine(folder.Path, "huge.md")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        folder.Write("prose.md", "---\ntitle: \"Just prose\"\ndate: 2024-02-02\n---\nSome thoughts, not in the house format.\n");
        folder.Write("cover.png", "not really a png");
        folder.Write("draft.md", "---\ntitle: \"Unfinished\"\ndate: 2024-03-03\ndraft: true\n---\n> *Notice:* Generated.\n");

        var report = await host.ImportFolderAsync(folder.Path);

        var outcomes = report.Items.ToDictionary(i => i.FileName, i => i.Outcome);
        Assert.Equal(HugoImportOutcome.Imported, outcomes["good.md"]);
        Assert.Equal(HugoImportOutcome.ImportedAsFreeText, outcomes["prose.md"]);
        Assert.Equal(HugoImportOutcome.Skipped, outcomes["cover.png"]);
        Assert.Contains("not valid YAML", Reason(report, "broken.md"), StringComparison.Ordinal);
        Assert.Contains("binary", Reason(report, "image.md"), StringComparison.Ordinal);
        Assert.Equal("larger than 5 MB (50 MB)", Reason(report, "huge.md"));
        Assert.Equal(3, report.Failed);
        var posts = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().Include(p => p.Sections).ToListAsync());
        Assert.Equal(["draft", "good", "prose"], posts.Select(p => p.Slug).Order());
        var prose = posts.Single(p => p.Slug == "prose");
        Assert.Equal("Some thoughts, not in the house format.", Assert.Single(prose.Sections, s => s.Kind == SectionKind.Free).Body);
        var draft = posts.Single(p => p.Slug == "draft");
        Assert.Equal(PostStatus.Draft, draft.Status);
        Assert.Null(draft.ContentHtml);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_files_with_the_same_address_do_not_overwrite_each_other(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        folder.Write("a.md", "---\ntitle: \"First\"\ndate: 2024-01-01\nslug: same\n---\nOne.\n");
        folder.Write("b.md", "---\ntitle: \"Second\"\ndate: 2024-01-02\nslug: same\n---\nTwo.\n");

        var report = await host.ImportFolderAsync(folder.Path);

        Assert.Contains("a.md has the same address", Reason(report, "b.md"), StringComparison.Ordinal);
        var post = await host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().SingleAsync());
        Assert.Equal("First", post.Title);
    }

    private static string? Reason(HugoImportReport report, string file) => report.Items.Single(i => i.FileName == file).Reason;

    private static Task<string> Snapshot(ImportHost host) => host.WithAsync(async s =>
    {
        var db = s.GetRequiredService<DigestDbContext>();
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Version, p.UpdatedAt, p.Status, Sections = p.Sections.Count }).ToListAsync();
        var revisions = await db.PostRevisions.CountAsync();
        return string.Join("\n", posts.Select(p => $"{p.Slug} {p.Version} {p.UpdatedAt:O} {p.Status} {p.Sections}")) + $"\nrevisions {revisions}";
    });
}
