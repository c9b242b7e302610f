using System.Text;
using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class UnreadableFilesAreReportedNotThrown
{
    [Fact]
    public void Malformed_yaml_names_the_line_of_the_file()
    {
        const string text = "---\ntitle: \"Broken\"\ndate: 2024-01-01\ntags: [\"a\", \"b\"\nauthor: x\n---\nBody\n";

        var result = HugoPostParser.Parse("broken.md", text);

        Assert.False(result.Succeeded);
        Assert.Contains("not valid YAML", result.Failure, StringComparison.Ordinal);
        Assert.Matches(@"line [45]\b", result.Failure);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_its_key_and_line()
    {
        var result = HugoPostParser.Parse("x.md", "---\ntitle: T\ndate: 2024-01-01\ndraft: maybe\n---\n");

        Assert.Equal("\"draft\" on line 4 must be true or false, not \"maybe\".", result.Failure);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_reported()
    {
        var result = HugoPostParser.Parse("x.md", "---\ntitle: T\ndate: yesterday\n---\n");

        Assert.Equal("\"date\" on line 3 is not a date: \"yesterday\".", result.Failure);
    }

    [Fact]
    public void A_binary_file_is_reported()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var result = HugoPostParser.Parse("image.md", png);

        Assert.Equal("The file is binary (it contains NUL bytes), not Markdown.", result.Failure);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported()
    {
        var result = HugoPostParser.Parse("latin1.md", Encoding.Latin1.GetBytes("---\ntitle: Café\n---\n"));

        Assert.Equal("The file is not UTF-8 text.", result.Failure);
    }

    [Fact]
    public void A_50_MB_file_is_reported_without_being_read()
    {
        var huge = new byte[50 * 1024 * 1024];
        "---\ntitle: big\n---\n"u8.CopyTo(huge);
        huge.AsSpan(20).Fill((byte)'a');

        var result = HugoPostParser.Parse("huge.md", huge);

        Assert.Equal("The file is 50 MB; posts larger than 5 MB are not imported.", result.Failure);
    }

    [Fact]
    public void Toml_front_matter_is_reported_as_not_supported()
    {
        var result = HugoPostParser.Parse("toml.md", "+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nBody\n");

        Assert.Equal("TOML front matter (+++) is not supported; convert the file to YAML front matter (---).", result.Failure);
    }

    [Fact]
    public void A_file_without_front_matter_is_reported()
    {
        var result = HugoPostParser.Parse("plain.md", "# Just Markdown\n\nNo front matter here.\n");

        Assert.Equal("The file has no front matter: a Hugo post starts with a line \"---\", then YAML, then \"---\".", result.Failure);
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported()
    {
        var result = HugoPostParser.Parse("open.md", "---\ntitle: T\ndate: 2024-01-01\nBody\n");

        Assert.Equal("The front matter that starts on line 1 is never closed with a \"---\" line.", result.Failure);
    }

    [Fact]
    public void Front_matter_without_a_title_is_reported()
    {
        var result = HugoPostParser.Parse("2024-01-01-x.md", "---\ndate: 2024-01-01\n---\n");

        Assert.Equal("The front matter has no title.", result.Failure);
    }

    [Fact]
    public void A_body_outside_the_house_format_is_kept_whole_as_free_text_and_said_so()
    {
        const string body = "Intro paragraph.\n\n## Possible consequences of current developments\n\nNothing numbered here, only prose.";

        var result = HugoPostParser.Parse("odd.md", "---\ntitle: Odd\ndate: 2024-01-01\n---\n" + body + "\n");

        Assert.True(result.Succeeded);
        Assert.True(result.Post!.IsFreeText);
        var section = Assert.Single(result.Post.Sections);
        Assert.Equal(SectionKind.Free, section.Kind);
        Assert.Equal(HugoSection.Free(null, body).Text, section.Text);
        Assert.Equal(body + "\n", section.Markdown);
        Assert.Contains(result.Notes, note => note.Contains("kept whole as free text", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_front_matter_keys_are_listed_in_the_notes()
    {
        var result = HugoPostParser.Parse("k.md", "---\ntitle: T\ndate: 2024-01-01\ncategories: [x]\n---\n> *Notice:* n\n");

        Assert.True(result.Succeeded);
        Assert.Contains("front matter key \"categories\" (line 4) is not used here (it stays in the file for export)", result.Notes);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_like_the_original()
    {
        var original = SeedArchive.Text("2024-07-26-ai-auto-summary.md");
        var windows = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(original.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var result = HugoPostParser.Parse("2024-07-26-ai-auto-summary.md", windows);

        Assert.Equal(SeedArchive.Read("2024-07-26-ai-auto-summary.md").Sections, result.Post!.Sections);
    }

    [Fact]
    public void Same_line_benefit_text_and_bold_labels_are_read()
    {
        const string text = """
            ---
            title: T
            date: 2024-01-01
            ---
            ## Possible consequences of current developments

            1. **A topic**
               - **Benefits:** Faster research.
                 Continued on the next line.
               - **Ramifications:** Less scrutiny.
            """;

        var topic = HugoPostParser.Parse("t.md", text).Post!.Sections.Single();

        Assert.Equal(SectionKind.Topic, topic.Kind);
        Assert.Equal(new SectionText("A topic", null, "Faster research.\nContinued on the next line.", "Less scrutiny."), topic.Text);
    }
}
