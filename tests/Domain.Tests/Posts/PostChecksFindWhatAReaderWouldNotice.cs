using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

public sealed class PostChecksFindWhatAReaderWouldNotice
{
    private const string Benefits = "Clearer research priorities help labs spend compute on ideas that scale.";
    private const string Ramifications = "Hype cycles mislead newcomers about what actually works in practice.";

    [Theory]
    [InlineData("TBD")]
    [InlineData("tbd.")]
    [InlineData("TODO: write this")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipiscing elit.")]
    [InlineData("N/A")]
    [InlineData("[insert benefits here]")]
    [InlineData("-")]
    [InlineData("…")]
    public void A_placeholder_where_text_should_be_blocks_approval(string placeholder)
    {
        var post = Drafts.Complete();
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        post.RewriteSection(topic.Id, topic.Text with { Benefits = placeholder }, DateTime.UtcNow);

        var problem = Assert.Single(post.Problems());

        Assert.StartsWith("topic 1: the Benefits ", problem, StringComparison.Ordinal);
        Assert.Throws<Common.DomainException>(() => post.ApproveAndPublish("editor", DateTime.UtcNow));
    }

    [Theory]
    [InlineData("To do so, labs must share weights.")]
    [InlineData("Nothing suggests the benchmark is broken.")]
    [InlineData("N/A values in the dataset were dropped before training.")]
    public void Real_sentences_that_start_like_placeholders_pass(string text)
    {
        var post = Drafts.Complete();
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        post.RewriteSection(topic.Id, topic.Text with { Benefits = text }, DateTime.UtcNow);

        Assert.Empty(post.Problems());
    }

    [Fact]
    public void A_draft_shaped_like_2024_07_18_is_blocked()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Notice, null, "This post has been automatically generated."));
        Topic(post, "Spider2-V: How Far Are Multimodal Agents From Automating Data Science and Engineering Workflows?", Benefits, Ramifications);
        Topic(post, "Tom's Hardware reviews Gigabyte local AI training product AI TOP", null, null, body: "-");
        Topic(post, "Author of ReFT: Representation Finetuning for Language Models, at Oxen.ai Paper Club this Friday", null, null);
        Topic(post, "Matching segment areas in medical images", null, null);
        Topic(post, "What steps should be taken to understand up to Variational Auto-Encoders? [R]", null, null);
        post.AddSection(new Section(SectionKind.Trending, "NVIDIA Researchers Introduce Flextron", null));
        post.AddSection(new Section(SectionKind.Prediction, "Artificial general intelligence", "With advancements in deep learning, it is likely to be achieved within the next decade.", predictedWhen: "June 2030"));

        var problems = PostChecks.Find(post, QualityContext.None);

        Assert.Equal(
            [
                "topic 2 has no Benefits or Ramifications",
                "topic 2: the text is only \"-\"",
                "topic 3 has no Benefits or Ramifications",
                "topic 4 has no Benefits or Ramifications",
                "topic 5 has no Benefits or Ramifications",
            ],
            problems);
        var refused = Assert.Throws<Common.DomainException>(() => post.ApproveAndPublish("editor", DateTime.UtcNow));
        Assert.Contains("topic 4 has no Benefits or Ramifications", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_far_outside_the_configured_bounds_are_listed_with_their_length()
    {
        var post = Drafts.Generated();
        Topic(post, "A short one", "Good.", "Bad.");
        Topic(post, "A long one", string.Join(' ', Enumerable.Repeat("word", 700)), Ramifications);
        post.AddSection(new Section(SectionKind.Prediction, "Technological singularity", "Soon.", predictedWhen: "2045"));
        var rules = new QualityRules { MinSectionWords = 8, MaxSectionWords = 600 };

        var problems = PostChecks.Find(post, QualityContext.None with { Rules = rules });

        Assert.Contains("topic 1 is far shorter than configured (2 words; at least 8)", problems);
        Assert.Contains("topic 2 is far longer than configured (710 words; at most 600)", problems);
        Assert.Contains("prediction 1 is far shorter than configured (1 word; at least 8)", problems);
        Assert.Empty(PostChecks.Find(post, QualityContext.None with { Rules = new QualityRules { MinSectionWords = 0, MaxSectionWords = 0 } }));
    }

    [Fact]
    public void The_writers_reason_is_shown_next_to_a_section_it_did_not_write()
    {
        var post = Drafts.Generated();
        Topic(post, "Why mamba disappeared?", null, null);
        var context = QualityContext.None with { RunNotes = [new SectionNote(SectionKind.Topic, "Why mamba disappeared?", "not written: the daily token budget (50000) was reached")] };

        Assert.Equal(["topic 1 has no Benefits or Ramifications (not written: the daily token budget (50000) was reached)"], PostChecks.Find(post, context));
    }

    [Theory]
    [InlineData("[R] Sparse attention at 1M tokens", "[D] Sparse attention at 1M tokens?", true)]
    [InlineData("Why mamba disappeared?", "why Mamba disappeared", true)]
    [InlineData("Meta releases Llama 4 with a 10M token context window", "Meta releases Llama 4 with 10M token context window", true)]
    [InlineData("GPT-5 released", "GPT-6 released", false)]
    [InlineData("Why mamba disappeared?", "Mamba, one year on", false)]
    public void Headings_count_as_the_same_when_a_reader_would_say_so(string a, string b, bool same) =>
        Assert.Equal(same, Headings.AreNearlyIdentical(a, b));

    private static void Topic(Post post, string heading, string? benefits, string? ramifications, string? body = null)
    {
        var topic = post.AddSection(new Section(SectionKind.Topic, heading, body, benefits, ramifications));
        topic.AddSource(new SectionSource(Guid.NewGuid(), "r/MachineLearning", $"https://www.reddit.com/r/MachineLearning/comments/{Guid.NewGuid():N}/"));
    }
}
