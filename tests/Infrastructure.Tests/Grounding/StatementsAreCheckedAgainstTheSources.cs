using Digest.Domain.Posts;
using Digest.Infrastructure.Writing.Grounding;

namespace Digest.Infrastructure.Tests.Grounding;

/// <summary>The deterministic check of one section: what counts as found, what as invented, and what as commentary.</summary>
public sealed class StatementsAreCheckedAgainstTheSources
{
    private static readonly string[] Sources =
    [
        "[R] Stable 1-bit mixture-of-experts: routing collapse goes away if you quantise the router last\n" +
        "r/MachineLearning · Research · 612 points · 88 comments · posted on 2026-11-25\n" +
        "Paper + code. We trained a family of sparse MoE models (1.1B to 14B total parameters) with ternary expert weights. " +
        "Keeping the router in bf16 for the first 20% of training, then quantising it, removed every collapse we saw across 40 runs, " +
        "at a cost of 0.3% extra memory. The 1-bit 14B model matches a bf16 dense 3B model on our reasoning suite, reaching 97.3 % " +
        "of its score with 12,500 fewer GPU hours. Yann LeCun and Google DeepMind were cited. Compared with GPT-4o on the suite.",
        "The energy per token claim on commodity CPUs is the part I care about. 1-bit experts mean the 14B model fits in memory on a laptop.",
    ];

    [Theory]
    [InlineData("The model reaches 97.3% of the dense score.")]
    [InlineData("The model reaches 97.3 % of the dense score.")]
    [InlineData("It saved 12500 GPU hours.")]
    [InlineData("It saved 12,500 GPU hours.")]
    [InlineData("The largest model has 14 billion parameters.")]
    [InlineData("The largest model has 14B parameters.")]
    [InlineData("They compare it with gpt-4o.")]
    [InlineData("They compare it with GPT 4o.")]
    [InlineData("The router stays in BF16 for 20 percent of training.")]
    [InlineData("Researchers at DeepMind were cited.")]
    [InlineData("LeCun was cited.")]
    [InlineData("The post appeared on November 25, 2026.")]
    [InlineData("The post calls the fix \"quantise the router last\".")]
    [InlineData("Roughly 600 people upvoted it, at about 610 points.")]
    public void Written_differently_but_in_the_sources_is_found(string sentence)
    {
        var result = Check(sentence);

        var checkedSentence = Assert.Single(result.Sentences);
        Assert.True(checkedSentence.Standing == SentenceStanding.Grounded, $"{sentence}: {Describe(checkedSentence)}");
        Assert.NotEmpty(checkedSentence.Spans);
    }

    [Theory]
    [InlineData("The model reaches 93.7% of the dense score.", "93.7%")]
    [InlineData("Dr. Maria Okafor led the work.", "Maria Okafor")]
    [InlineData("The result was reproduced by Zephyr Labs.", "Zephyr Labs")]
    [InlineData("Zephyr Labs reproduced the result.", "Zephyr Labs")]
    [InlineData("It beats Llama 3 on the suite.", "Llama 3")]
    [InlineData("It was trained on 2,048 GPUs.", "2,048 GPUs")]
    [InlineData("The paper came out in March 2024.", "March 2024")]
    [InlineData("The authors call it \"a free lunch for everyone\".", "a free lunch for everyone")]
    [InlineData("It uses 40% less memory.", "40%")]
    [InlineData("It compares with GPT-4.", "GPT-4")]
    [InlineData("Kestrel-VL beats it on the suite.", "Kestrel-VL")]
    public void An_invented_number_person_lab_model_date_or_quote_is_unsupported(string sentence, string missing)
    {
        var result = Check(sentence);

        var checkedSentence = Assert.Single(result.Sentences);
        Assert.Equal(SentenceStanding.Unsupported, checkedSentence.Standing);
        Assert.Contains(checkedSentence.Missing, c => c.Text.Contains(missing, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cheaper training could let smaller teams try ideas that used to need a large cluster.")]
    [InlineData("However, hype can mislead newcomers about what works in practice.")]
    [InlineData("Commenters worry that results on one suite may not carry over.")]
    [InlineData("Quantisation-aware training could make this cheaper still.")]
    [InlineData("Hype can mislead newcomers about sparse models.")]
    public void Opinion_without_a_checkable_fact_is_commentary_not_a_finding(string sentence)
    {
        var checkedSentence = Assert.Single(Check(sentence).Sentences);

        Assert.Equal(SentenceStanding.Commentary, checkedSentence.Standing);
        Assert.Empty(checkedSentence.Claims);
    }

    [Fact]
    public void A_paraphrase_of_a_source_sentence_rests_on_that_sentence()
    {
        var checkedSentence = Assert.Single(Check("A commenter says the energy per token on commodity CPUs matters most to them.").Sentences);

        Assert.Equal(SentenceStanding.Grounded, checkedSentence.Standing);
        var span = Assert.Single(checkedSentence.Spans);
        Assert.Equal(1, span.Source);
        Assert.StartsWith("The energy per token claim", Sources[1][span.Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_part_of_a_topic_is_split_into_sentences_and_markdown_is_read_as_text()
    {
        var text = new SectionText(
            "Stable 1-bit MoE",
            "The post reports **97.3 %** of a dense model's score. It was written by Dr. Okafor.",
            "Keeping the router in *bf16* first (e.g. for 20% of training) avoids collapse.",
            "Hype may mislead newcomers.",
            Thread: "One commenter cares about energy per token on commodity CPUs.");

        var result = SectionChecker.Check(SectionKind.Topic, text, Sources);

        Assert.Equal(["Summary", "Summary", "Benefits", "Ramifications", "What the thread said"], result.Sentences.Select(s => s.Part));
        Assert.Equal("The post reports 97.3 % of a dense model's score.", result.Sentences[0].Text);
        Assert.Equal([SentenceStanding.Grounded, SentenceStanding.Unsupported, SentenceStanding.Grounded, SentenceStanding.Commentary, SentenceStanding.Grounded],
            result.Sentences.Select(s => s.Standing));
        Assert.Equal(1, result.Unsupported);
    }

    [Fact]
    public void The_second_opinion_marks_the_sentence_it_copied_even_when_the_check_found_it()
    {
        var text = new SectionText("t", "Keeping the router in bf16 for the first 20% of training removed every collapse.");

        var result = SectionChecker.Check(SectionKind.Trending, text, Sources,
            [new ModelStatement("keeping the router in bf16 for the first 20% of training removed every collapse", "the post says across 40 runs only", "gpt-4o-mini")]);

        var sentence = Assert.Single(result.Sentences);
        Assert.Equal(SentenceStanding.Grounded, sentence.Standing);
        Assert.Equal("the post says across 40 runs only", sentence.FlaggedByModel?.Reason);
        Assert.Equal(1, result.FlaggedOnlyByModel);
    }

    private static SectionGrounding Check(string sentence) => SectionChecker.Check(SectionKind.Trending, new SectionText("headline", sentence), Sources);

    private static string Describe(CheckedSentence sentence) =>
        $"{sentence.Standing}; claims: {string.Join(", ", sentence.Claims.Select(c => $"{c.Kind} '{c.Text}' {(c.IsSupported ? "found" : "missing")}"))}";
}
