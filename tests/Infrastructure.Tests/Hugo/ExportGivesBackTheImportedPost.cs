using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class ExportGivesBackTheImportedPost
{
    private readonly HugoPostMapper _mapper = new(new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [MemberData(nameof(SeedArchive.All), MemberType = typeof(SeedArchive))]
    public void Export_then_import_gives_the_same_sections_and_front_matter(string file)
    {
        var imported = SeedArchive.Read(file);

        var exported = HugoExporter.Export(_mapper.ToPost(imported));
        var reread = HugoPostParser.Parse(exported.FileName, exported.Text);

        Assert.True(reread.Succeeded, reread.Failure);
        Assert.Equal(file, exported.FileName);
        Assert.Equal(imported.Slug, reread.Post!.Slug);
        Assert.Equal(Values(imported.FrontMatter), Values(reread.Post.FrontMatter));
        Assert.Equal(imported.Sections, reread.Post.Sections);
    }

    [Theory]
    [MemberData(nameof(SeedArchive.All), MemberType = typeof(SeedArchive))]
    public void Export_import_export_is_stable(string file)
    {
        var first = HugoExporter.Export(_mapper.ToPost(SeedArchive.Read(file)));
        var second = HugoExporter.Export(_mapper.ToPost(HugoPostParser.Parse(first.FileName, first.Text).Post!));

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(SeedArchive.All), MemberType = typeof(SeedArchive))]
    public void The_exported_front_matter_is_the_original_line_for_line(string file)
    {
        var original = SeedArchive.Text(file);
        var exported = HugoExporter.Export(_mapper.ToPost(SeedArchive.Read(file))).Text;

        Assert.Equal(FrontMatterOf(original), FrontMatterOf(exported));
    }

    [Fact]
    public void A_draft_exports_as_written_with_its_description_and_zoned_date()
    {
        const string text = """
            ---
            title: "Notes: \"quoted\" and a backslash \\"
            description: A short summary
            date: 2024-05-01T08:30:00+02:00
            draft: true
            author: Ann
            tags: solo
            cover:
                image: /img/a.png
                hidden: false
            ---
            > *Notice:* Hand written.
            """;
        var parsed = HugoPostParser.Parse("notes.md", text);
        var post = _mapper.ToPost(parsed.Post!);

        var exported = HugoExporter.Export(post);
        var reread = HugoPostParser.Parse(exported.FileName, exported.Text).Post!;

        Assert.Equal(PostStatus.Draft, post.Status);
        // Never edited: the file comes back as it was written, its zoned date and unquoted values included.
        Assert.Equal(text, exported.Text);
        Assert.Equal(new DateTime(2024, 5, 1, 6, 30, 0, DateTimeKind.Utc), reread.FrontMatter.Date);
        Assert.True(reread.FrontMatter.Draft);
        Assert.Equal("Notes: \"quoted\" and a backslash \\", reread.FrontMatter.Title);
        Assert.Equal("A short summary", reread.FrontMatter.Description);
        Assert.Equal(new Cover("/img/a.png", null, false), reread.FrontMatter.Cover);
        Assert.Equal(["solo"], reread.FrontMatter.Tags);
    }

    [Fact]
    public void A_post_that_was_not_in_the_house_format_exports_its_text_unchanged()
    {
        const string body = "Some thoughts.\n\n## A heading of my own\n\n- a list\n- of things";
        var parsed = HugoPostParser.Parse("free.md", "---\ntitle: Free\ndate: 2024-01-01\n---\n" + body + "\n");

        var exported = HugoExporter.Export(_mapper.ToPost(parsed.Post!));

        Assert.True(parsed.Post!.IsFreeText);
        Assert.EndsWith("---\n" + body + "\n", exported.Text, StringComparison.Ordinal);
        Assert.Equal(parsed.Post.Sections, HugoPostParser.Parse("free.md", exported.Text).Post!.Sections);
    }

    private static object Values(HugoFrontMatter front) =>
        (front.Title, front.Date, front.Draft, front.Author, string.Join("|", front.Tags), front.Flags, front.Cover, front.Description);

    private static string FrontMatterOf(string text) => text[..(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)];
}
