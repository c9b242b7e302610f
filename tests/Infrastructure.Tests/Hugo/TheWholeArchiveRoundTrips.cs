using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Publishing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>
/// Properties that hold for every post of the fixture archive (the old blog's posts and the layout fixtures), on both
/// databases: the page is the original's page; opening a post in the editor and saving it unchanged, or with only a
/// new title, leaves its page as it was; an export gives back the file byte for byte; importing the export changes
/// nothing.
/// </summary>
public sealed class TheWholeArchiveRoundTrips
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_imported_page_is_the_original_markdown_rendered(DatabaseProvider provider)
    {
        await using var host = await ImportedArchiveAsync(provider);
        var renderer = host.Services.GetRequiredService<PostRenderer>();

        foreach (var post in await PostsAsync(host))
        {
            var original = FixtureArchive.Parse(post.ImportedFrom!).Post!;
            var expected = renderer.RenderMarkdown(original.Body);
            Assert.Equal(expected.Html, post.ContentHtml);
            Assert.Equal(expected.WordCount, post.WordCount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_unchanged_or_with_only_a_new_title_keeps_every_page_as_it_was(DatabaseProvider provider)
    {
        await using var host = await ImportedArchiveAsync(provider);

        foreach (var before in await PostsAsync(host))
        {
            var unchanged = await SaveAsync(host, before, before.Title);
            Assert.Equal(before.ContentHtml, unchanged.ContentHtml);
            Assert.Equal(before.WordCount, unchanged.WordCount);

            var retitled = await SaveAsync(host, unchanged, "A title of its own");
            Assert.Equal(before.ContentHtml, retitled.ContentHtml);
            Assert.Equal("A title of its own", retitled.Title);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_one_section_changes_only_that_sections_lines_of_the_export(DatabaseProvider provider)
    {
        await using var host = await ImportedArchiveAsync(provider);

        foreach (var before in await PostsAsync(host))
        {
            var target = before.Sections.OrderBy(s => s.Position).LastOrDefault(s => s.Kind is SectionKind.Topic or SectionKind.Prediction or SectionKind.Trending);
            if (target is null)
            {
                continue;
            }

            var original = HugoExporter.Export(before).Text;
            var text = target.Kind == SectionKind.Topic
                ? target.Text with { Benefits = "An edited benefit." }
                : target.Text with { Heading = "An edited heading" };
            var after = await SaveAsync(host, before, before.Title, (target.Id, text));
            var exported = HugoExporter.Export(after).Text;

            // Everything before the section's own lines and after them is the file as it was.
            var head = original[..original.IndexOf(target.Lead + target.Markdown, StringComparison.Ordinal)];
            var tail = original[(head.Length + target.Lead!.Length + target.Markdown!.Length)..];
            Assert.StartsWith(head + target.Lead, exported, StringComparison.Ordinal);
            Assert.EndsWith(tail.TrimStart('\n'), exported, StringComparison.Ordinal);
            Assert.Contains(text.Benefits == "An edited benefit." ? "An edited benefit." : "An edited heading", after.ContentHtml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_never_edited_post_exports_byte_for_byte_and_importing_the_export_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ImportedArchiveAsync(provider);
        using var export = new TempFolder();
        var written = await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteFolderAsync(export.Path, HugoExportScope.All));
        Assert.Equal(FixtureArchive.All.Count, written);

        foreach (var post in await PostsAsync(host))
        {
            Assert.Equal(File.ReadAllBytes(FixtureArchive.PathOf(post.ImportedFrom!)), File.ReadAllBytes(Path.Combine(export.Path, post.Slug + ".md")));
        }

        var before = await SnapshotAsync(host);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var again = await host.ImportFolderAsync(export.Path);

        Assert.Equal(FixtureArchive.All.Count, again.Unchanged);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_edited_posts_comes_back_unchanged(DatabaseProvider provider)
    {
        await using var host = await ImportedArchiveAsync(provider);
        foreach (var post in await PostsAsync(host))
        {
            var first = post.Sections.OrderBy(s => s.Position).First(s => s.Kind != SectionKind.Notice);
            await SaveAsync(host, post, "Edited: " + post.Title, (first.Id, first.Text with { Body = (first.Text.Body ?? "") + " An editor's addition." }));
        }

        using var export = new TempFolder();
        await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteFolderAsync(export.Path, HugoExportScope.All));
        var before = await SnapshotAsync(host);
        var again = await host.ImportFolderAsync(export.Path);

        Assert.All(again.Items, item => Assert.Equal(HugoImportOutcome.Unchanged, item.Outcome));
        Assert.Equal(before, await SnapshotAsync(host));
        var reread = HugoPostParser.Parse("x.md", File.ReadAllText(Directory.GetFiles(export.Path)[0]));
        Assert.StartsWith("Edited: ", reread.Post!.FrontMatter.Title, StringComparison.Ordinal);
    }

    internal static async Task<ImportHost> ImportedArchiveAsync(DatabaseProvider provider)
    {
        var host = await ImportHost.CreateAsync(provider);
        using var folder = new TempFolder();
        FixtureArchive.CopyTo(folder);
        var report = await host.ImportFolderAsync(folder.Path);
        Assert.Equal(0, report.Failed);
        return host;
    }

    private static Task<List<Post>> PostsAsync(ImportHost host) => host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking()
        .Include(p => p.Sections.OrderBy(x => x.Position)).AsSplitQuery().OrderBy(p => p.Slug).ToListAsync());

    /// <summary>What the editor sends for a post opened and saved: every section in order with its text, the front matter as it was.</summary>
    internal static Task<Post> SaveAsync(ImportHost host, Post post, string title, params (Guid Id, SectionText Text)[] changes) => host.WithAsync(async s =>
    {
        var edits = post.Sections.OrderBy(x => x.Position)
            .Select(x => new SectionEdit(x.Id, changes.FirstOrDefault(c => c.Id == x.Id).Text ?? x.Text) { Kind = x.Kind })
            .ToList();
        var edit = new PostEdit(post.Id, post.Version, title, edits)
        {
            Metadata = new PostMetadata(title, post.Slug, post.Description, post.Date, post.Author, post.Tags, post.Flags, post.Cover),
            IsComplete = true,
        };
        await s.GetRequiredService<PostEditor>().SaveAsync(edit, "ed@example.com");
        return await s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking().Include(p => p.Sections.OrderBy(x => x.Position)).ThenInclude(x => x.Sources).AsSplitQuery().SingleAsync(p => p.Id == post.Id);
    });

    private static Task<string> SnapshotAsync(ImportHost host) => host.WithAsync(async s =>
    {
        var db = s.GetRequiredService<DigestDbContext>();
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Version, p.UpdatedAt, p.ContentHtml }).ToListAsync();
        return string.Join("\n", posts.Select(p => $"{p.Slug} {p.Version} {p.UpdatedAt:O} {p.ContentHtml?.Length}")) + $"\nrevisions {await db.PostRevisions.CountAsync()}";
    });
}
