using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Publishing;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>
/// The archive properties for posts written here rather than imported, over generated posts whose text is full of
/// characters Markdown could take for markup: headings, headlines and source names (plain text) read exactly as
/// written; saving unchanged or with only a new title keeps the page; the export, rendered, is the page, with no
/// needless escapes; importing the export changes nothing. (Bodies are Markdown by design, so they are not compared
/// as plain text.)
/// </summary>
public sealed class GeneratedPostsRoundTrip
{
    private static readonly string[] Texts =
    [
        "GPT-5 (maybe) ships [soon] & fast!",
        "AT&T's model is 3 × faster (see below) — really!",
        "1. is not a list here",
        "# is not a heading here",
        "C# and F# get `code` support; a_b_c stays a_b_c",
        "50% off ~ roughly ~ and 2 * 3 * 4",
        "A <b>tag</b> is text, not markup & neither is &amp;",
        "Price: $5 [ref] (approx.) !important",
        "Links like https://example.com/a_(b) stay readable",
        "Quote > arrow and + plus - minus",
        "Rocket 🚀 launches; Zürich, naïve café",
        "Back\\slash and 'single' \"double\" quotes",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generated_posts_keep_their_page_through_saves_export_and_re_import(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        var renderer = host.Services.GetRequiredService<PostRenderer>();
        var written = new Dictionary<string, List<string>>();
        await host.WithAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            for (var seed = 0; seed < 12; seed++)
            {
                var (post, texts) = Generate(seed);
                renderer.Render(post);
                db.Posts.Add(post);
                written[post.Slug] = texts;
            }

            return await db.SaveChangesAsync();
        });

        foreach (var before in await PostsAsync(host))
        {
            var visible = PlainText.FromHtml(before.ContentHtml!);
            Assert.All(written[before.Slug], text => Assert.Contains(PlainText.Collapse(text), PlainText.Collapse(visible), StringComparison.Ordinal));

            var unchanged = await TheWholeArchiveRoundTrips.SaveAsync(host, before, before.Title);
            Assert.Equal(before.ContentHtml, unchanged.ContentHtml);
            var retitled = await TheWholeArchiveRoundTrips.SaveAsync(host, unchanged, "A title of its own (v2) & more!");
            Assert.Equal(before.ContentHtml, retitled.ContentHtml);

            var file = HugoExporter.Export(retitled).Text;
            var read = HugoPostParser.Parse(retitled.Slug + ".md", file);
            Assert.True(read.Succeeded, read.Failure);
            Assert.Equal(retitled.ContentHtml, renderer.RenderMarkdown(read.Post!.Body).Html);
            Assert.Equal("A title of its own (v2) & more!", read.Post.FrontMatter.Title);
            // No backslash a reader of the file would trip over: only an entity-like "&amp;" and an image-like "![" need one.
            Assert.DoesNotMatch(@"\\[()]|\\!(?!\[)|\\&(?![#A-Za-z0-9]+;)", read.Post.Body);
        }

        using var export = new TempFolder();
        await host.WithAsync(s => s.GetRequiredService<HugoSiteExporter>().WriteFolderAsync(export.Path, HugoExportScope.All));
        foreach (var post in await PostsAsync(host))
        {
            // The file the export wrote (not only the exporter's text) renders as the page, source links included.
            var read = HugoPostParser.Parse(post.Slug + ".md", File.ReadAllBytes(Path.Combine(export.Path, post.Slug + ".md")));
            Assert.Equal(post.ContentHtml, renderer.RenderMarkdown(read.Post!.Body).Html);
        }

        var snapshot = await SnapshotAsync(host);
        var again = await host.ImportFolderAsync(export.Path);

        Assert.Equal(12, again.Unchanged);
        Assert.Equal(snapshot, await SnapshotAsync(host));
    }

    /// <summary>A post as the writer builds one: a notice, topics, trending headlines, predictions and a closing remark, from the texts above; with the plain-text fields it used.</summary>
    private static (Post Post, List<string> Texts) Generate(int seed)
    {
        var random = new Random(seed);
        string Pick() => Texts[random.Next(Texts.Length)];
        var used = new List<string>();
        string Use(string text)
        {
            used.Add(text);
            return text;
        }

        var now = ImportHost.Now.UtcDateTime;
        var post = Post.CreateDraft($"2026-10-{seed + 1:00}-ai-digest", $"Daily digest {seed}", now.AddDays(-seed), "Digest", PostOrigin.Generated, now);
        post.AddSection(new Section(SectionKind.Notice, null, "Generated automatically; mistakes are possible."));
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            var topic = new Section(SectionKind.Topic, Use(Pick()), random.Next(2) == 0 ? Pick() : null, Pick(), Pick());
            if (random.Next(2) == 0)
            {
                topic.AddSource(new SectionSource(null, Use(Pick()), $"https://news.example.com/item?id={seed}{i}"));
            }

            post.AddSection(topic);
        }

        for (var i = 0; i < random.Next(4); i++)
        {
            post.AddSection(new Section(SectionKind.Trending, Use(Pick()), null));
        }

        post.AddSection(new Section(SectionKind.Prediction, "Artificial general intelligence (AGI)", Pick(), predictedWhen: "2031 (maybe)"));
        post.AddSection(new Section(SectionKind.Prediction, "Technological singularity", Pick(), predictedWhen: $"{2040 + seed}"));
        if (random.Next(2) == 0)
        {
            post.AddSection(new Section(SectionKind.Free, null, Pick()));
        }

        return (post, used);
    }

    private static Task<List<Post>> PostsAsync(ImportHost host) => host.WithAsync(s => s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking()
        .Include(p => p.Sections.OrderBy(x => x.Position)).ThenInclude(x => x.Sources).AsSplitQuery().OrderBy(p => p.Slug).ToListAsync());

    private static Task<string> SnapshotAsync(ImportHost host) => host.WithAsync(async s =>
    {
        var db = s.GetRequiredService<DigestDbContext>();
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Title, p.Version, p.ContentHtml }).ToListAsync();
        return string.Join("\n", posts.Select(p => $"{p.Slug} {p.Title} {p.Version} {p.ContentHtml}")) + $"\nrevisions {await db.PostRevisions.CountAsync()}";
    });
}
