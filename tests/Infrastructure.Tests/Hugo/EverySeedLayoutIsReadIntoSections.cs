using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class EverySeedLayoutIsReadIntoSections
{
    // Counted by reading each file: numbered topics, trending headlines, prediction subjects, and loose text the
    // model added ("(Continued...)", "(Note: ...)", an intro and a closing remark around the predictions).
    [Theory]
    [InlineData("2023-04-12-ai-auto-summary.md", 5, 5, 2, 0)]
    [InlineData("2023-04-17-ai-auto-summary.md", 4, 4, 2, 0)]
    [InlineData("2023-07-01-ai-auto-summary.md", 2, 5, 2, 1)]
    [InlineData("2023-07-15-ai-auto-summary.md", 5, 5, 2, 0)]
    [InlineData("2023-08-15-ai-auto-summary.md", 5, 4, 2, 2)]
    [InlineData("2023-08-20-ai-auto-summary.md", 3, 4, 2, 1)]
    [InlineData("2023-09-22-ai-auto-summary.md", 2, 3, 2, 0)]
    [InlineData("2023-10-11-ai-auto-summary.md", 4, 4, 2, 0)]
    [InlineData("2023-10-27-ai-auto-summary.md", 6, 3, 2, 0)]
    [InlineData("2023-11-07-ai-auto-summary.md", 1, 3, 2, 0)]
    [InlineData("2023-11-29-ai-auto-summary.md", 2, 3, 2, 0)]
    [InlineData("2024-03-14-ai-auto-summary.md", 2, 4, 2, 0)]
    [InlineData("2024-07-18-ai-auto-summary.md", 6, 3, 2, 0)]
    [InlineData("2024-07-26-ai-auto-summary.md", 6, 3, 2, 0)]
    [InlineData("2025-02-04-ai-auto-summary.md", 5, 3, 2, 0)]
    [InlineData("2025-02-05-ai-auto-summary.md", 5, 3, 2, 0)]
    [InlineData("2025-06-26-ai-auto-summary.md", 5, 3, 2, 0)]
    [InlineData("2025-10-29-ai-auto-summary.md", 4, 3, 2, 0)]
    [InlineData("2026-01-02-ai-auto-summary.md", 5, 3, 2, 0)]
    [InlineData("2026-01-04-ai-auto-summary.md", 5, 3, 2, 0)]
    public void Each_file_gives_its_notice_topics_headlines_and_predictions(string file, int topics, int trending, int predictions, int free)
    {
        var post = SeedArchive.Read(file);

        Assert.False(post.IsFreeText);
        Assert.Equal(SectionKind.Notice, post.Sections[0].Kind);
        Assert.Equal(topics, Count(post, SectionKind.Topic));
        Assert.Equal(trending, Count(post, SectionKind.Trending));
        Assert.Equal(predictions, Count(post, SectionKind.Prediction));
        Assert.Equal(free, Count(post, SectionKind.Free));
    }

    [Fact]
    public void The_seed_archive_holds_twenty_posts()
    {
        Assert.Equal(20, SeedArchive.FileNames.Count());
    }

    [Theory]
    [MemberData(nameof(SeedArchive.All), MemberType = typeof(SeedArchive))]
    public void Every_topic_has_a_title_and_every_prediction_a_subject_and_a_date(string file)
    {
        var post = SeedArchive.Read(file);

        Assert.All(post.Sections.Where(s => s.Kind is SectionKind.Topic or SectionKind.Trending), s => Assert.False(string.IsNullOrWhiteSpace(s.Text.Heading)));
        Assert.All(post.Sections.Where(s => s.Kind == SectionKind.Prediction), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Text.Heading));
            Assert.False(string.IsNullOrWhiteSpace(s.Text.PredictedWhen));
            Assert.False(string.IsNullOrWhiteSpace(s.Text.Body));
        });
    }

    [Fact]
    public void The_notice_is_the_disclosure_text_without_its_label()
    {
        var notice = SeedArchive.Read("2023-04-12-ai-auto-summary.md").Sections[0];

        Assert.Equal(
            "This post has been automatically generated and does not reflect the views of the site owner, nor does it claim to be accurate.",
            notice.Text.Body);
    }

    [Fact]
    public void Topic_titles_are_the_bold_titles_as_written()
    {
        Assert.Equal(
            [
                "[D] Why async gradient update doesn't get popular in LLM community?",
                "[P] Optimistix, nonlinear optimization in JAX+Equinox!",
                "[P] LoopQuest, A Github-like platform to host simulation environments for AI training",
                "[R] Is there an established method to test if something has been memorized/seen by black-box LLMs?",
            ],
            Headings(SeedArchive.Read("2023-10-11-ai-auto-summary.md"), SectionKind.Topic));
        Assert.Equal(
            [
                "Chat With Any GitHub Repo - Code Understanding with @LangChainAI & @activeloopai",
                "Timeline of recent Large Language Models / Transformer Models",
                "As a developer the current rate of ML progress doesn't make any sense to me",
                "Could TikTok be gathering information about user that could influence US politics?",
            ],
            Headings(SeedArchive.Read("2023-04-17-ai-auto-summary.md"), SectionKind.Topic));
    }

    [Fact]
    public void Trending_headlines_are_kept_whole_including_colons_and_emoji()
    {
        var headlines = Headings(SeedArchive.Read("2023-07-01-ai-auto-summary.md"), SectionKind.Trending);

        Assert.Equal("🎇🚀 #AI is diving into the third dimension with DORSal, a \"geometry-free\" 3D structured diffusion model for the generation and object-level editing of 3D scenes.", headlines[0]);
        Assert.Equal("Meet ChatHN: A Real-Time AI-Powered Chat On Hacker News Feed", headlines[3]);
    }

    [Fact]
    public void The_day_with_empty_topics_gives_six_topics_with_text_only_in_the_first()
    {
        var topics = SeedArchive.Read("2024-07-18-ai-auto-summary.md").Sections.Where(s => s.Kind == SectionKind.Topic).ToList();

        Assert.Equal(6, topics.Count);
        Assert.StartsWith("Automating data science and engineering workflows can lead to increased efficiency", topics[0].Text.Benefits);
        Assert.StartsWith("The potential downside of fully automating these workflows", topics[0].Text.Ramifications);
        Assert.Equal("Tom's Hardware reviews Gigabyte local AI training product AI TOP", topics[1].Text.Heading);
        Assert.All(topics.Skip(1), topic =>
        {
            Assert.Null(topic.Text.Benefits);
            Assert.Null(topic.Text.Ramifications);
            Assert.Null(topic.Text.Body);
        });
    }

    [Fact]
    public void Loose_text_around_the_predictions_stays_in_place_and_the_bare_label_is_dropped()
    {
        var post = SeedArchive.Read("2023-08-15-ai-auto-summary.md");
        var tail = post.Sections.SkipWhile(s => s.Kind != SectionKind.Trending).SkipWhile(s => s.Kind == SectionKind.Trending).ToList();

        Assert.Equal([SectionKind.Free, SectionKind.Prediction, SectionKind.Prediction, SectionKind.Free], tail.Select(s => s.Kind));
        Assert.Equal("Here are my predictions for the timing of artificial general intelligence and the technological singularity:", tail[0].Text.Body);
        Assert.StartsWith("It is important to note that these predictions are highly speculative", tail[3].Text.Body);
        Assert.DoesNotContain(SeedArchive.Read("2023-07-15-ai-auto-summary.md").Sections, s => s.Text.Body == "Predictions:");
    }

    private static int Count(HugoPost post, SectionKind kind) => post.Sections.Count(s => s.Kind == kind);

    private static List<string?> Headings(HugoPost post, SectionKind kind) =>
        [.. post.Sections.Where(s => s.Kind == kind).Select(s => s.Text.Heading)];
}
