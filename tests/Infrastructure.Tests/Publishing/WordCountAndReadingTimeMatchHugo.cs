using Digest.Infrastructure.Publishing;

namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>
/// Imported posts must show the word count and reading time the old Hugo blog showed.
/// </summary>
/// <remarks>
/// The expected numbers were produced by Hugo itself, not by this code: Hugo v0.111.3 (Debian bookworm's
/// <c>hugo</c> package) built a site whose content/posts held the twenty seed-archive files unchanged, with
/// default goldmark settings and a layout printing <c>{{ .WordCount }} {{ .ReadingTime }}</c> per page.
/// Hugo counts the words of the rendered content with its tags stripped and reads 213 words a minute,
/// rounded up. Here the same Markdown body goes through our pipeline and counter.
/// </remarks>
public sealed class WordCountAndReadingTimeMatchHugo
{
    private readonly PostRenderer _renderer = new(new MarkdownRenderer(new ContentSanitizer()));

    [Theory]
    [InlineData("2023-04-12-ai-auto-summary.md", 1131, 6)]
    [InlineData("2023-04-17-ai-auto-summary.md", 688, 4)]
    [InlineData("2023-07-01-ai-auto-summary.md", 720, 4)]
    [InlineData("2023-07-15-ai-auto-summary.md", 1552, 8)]
    [InlineData("2023-08-15-ai-auto-summary.md", 909, 5)]
    [InlineData("2023-08-20-ai-auto-summary.md", 797, 4)]
    [InlineData("2023-09-22-ai-auto-summary.md", 783, 4)]
    [InlineData("2023-10-11-ai-auto-summary.md", 1349, 7)]
    [InlineData("2023-10-27-ai-auto-summary.md", 1403, 7)]
    [InlineData("2023-11-07-ai-auto-summary.md", 508, 3)]
    [InlineData("2023-11-29-ai-auto-summary.md", 752, 4)]
    [InlineData("2024-03-14-ai-auto-summary.md", 409, 2)]
    [InlineData("2024-07-18-ai-auto-summary.md", 288, 2)]
    [InlineData("2024-07-26-ai-auto-summary.md", 705, 4)]
    [InlineData("2025-02-04-ai-auto-summary.md", 572, 3)]
    [InlineData("2025-02-05-ai-auto-summary.md", 649, 4)]
    [InlineData("2025-06-26-ai-auto-summary.md", 842, 4)]
    [InlineData("2025-10-29-ai-auto-summary.md", 698, 4)]
    [InlineData("2026-01-02-ai-auto-summary.md", 695, 4)]
    [InlineData("2026-01-04-ai-auto-summary.md", 664, 4)]
    public void A_seed_archive_post_shows_the_numbers_the_old_blog_showed(string file, int hugoWords, int hugoMinutes)
    {
        var rendered = _renderer.RenderMarkdown(SharedFixtures.SeedBody(file));

        Assert.Equal(hugoWords, rendered.WordCount);
        Assert.Equal(hugoMinutes, rendered.ReadingMinutes);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(213, 1)]
    [InlineData(214, 2)]
    [InlineData(426, 2)]
    [InlineData(427, 3)]
    public void Reading_time_rounds_up_at_213_words_a_minute(int words, int minutes) =>
        Assert.Equal(minutes, HugoCounts.ReadingMinutes(words));

    [Fact]
    public void Markup_between_letters_joins_them_into_one_word_as_in_hugo()
    {
        // Hugo removes tags without leaving a space, so "<em>multi</em>modal" is one word there too, and an
        // entity is a word of its own when spaces surround it: multimodal · models · &amp; · tools.
        Assert.Equal(4, HugoCounts.WordCount("<p><em>multi</em>modal models &amp; <a href=\"https://x.example/?a=1&gt;2\" title='a > b'>tools</a></p>"));
    }
}
