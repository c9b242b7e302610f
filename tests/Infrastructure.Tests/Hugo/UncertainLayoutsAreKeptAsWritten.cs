using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>
/// The importer reads the house format only where it is sure. Each layout class below is one the old model wrote and
/// a line reader got wrong in silence; now it is either read right, or kept as written in a free section with a
/// note that says so. Wrong structure is worse than no structure.
/// </summary>
public sealed class UncertainLayoutsAreKeptAsWritten
{
    [Theory]
    [MemberData(nameof(FixtureArchive.Names), MemberType = typeof(FixtureArchive))]
    public void Every_file_is_split_into_sections_that_give_back_its_text_byte_for_byte(string file)
    {
        var parsed = FixtureArchive.Parse(file);

        Assert.True(parsed.Succeeded, parsed.Failure);
        Assert.Equal(FixtureArchive.Text(file), parsed.Post!.Reassembled);
    }

    [Fact]
    public void Benefits_and_ramifications_written_at_column_zero_belong_to_the_topic_above_them()
    {
        var post = FixtureArchive.Parse("column-zero-labels.md").Post!;

        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        Assert.Equal(["Sparse attention at scale", "Open weights for a 70B model"], topics.Select(t => t.Text.Heading));
        Assert.Equal("Researchers can study a frontier-sized model without an API.", topics[1].Text.Benefits);
        Assert.Equal("Safety fine-tuning can be removed by anyone with a few GPUs.", topics[1].Text.Ramifications);
        Assert.DoesNotContain(post.Sections, s => s.Text.Heading?.Contains("Benefits", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_topic_indented_by_one_space_is_a_topic_of_its_own()
    {
        var post = FixtureArchive.Parse("topic-indented-one-space.md").Post!;

        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        Assert.Equal(["Distilled reasoning models", "Synthetic data pipelines"], topics.Select(t => t.Text.Heading));
        Assert.Equal("Evaluations made for large models may overrate them.", topics[0].Text.Ramifications);
        Assert.Equal("Less dependence on scraped text.", topics[1].Text.Benefits);
    }

    [Fact]
    public void A_prediction_whose_bold_label_holds_the_whole_rationale_is_kept_as_written_and_noted()
    {
        var parsed = FixtureArchive.Parse("bold-holds-the-rationale.md");

        var predictions = parsed.Post!.Sections.Where(s => s.Kind == SectionKind.Prediction).ToList();
        Assert.Equal("Technological singularity", Assert.Single(predictions).Text.Heading);
        Assert.Contains(parsed.Post.Sections, s => s.Kind == SectionKind.Free && s.Text.Body!.StartsWith("- **Artificial general intelligence will be achieved", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.StartsWith("prediction 1", StringComparison.Ordinal) && n.Contains("kept as written in a free section", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prediction_whose_subject_is_a_date_is_kept_as_written_and_noted()
    {
        var parsed = FixtureArchive.Parse("date-as-subject.md");

        Assert.DoesNotContain(parsed.Post!.Sections, s => s.Kind == SectionKind.Prediction);
        Assert.Equal(2, parsed.Notes.Count(n => n.Contains("has a date where its subject should be", StringComparison.Ordinal)));
    }

    [Fact]
    public void Topics_with_a_label_twice_or_no_bold_title_are_kept_as_written_and_the_rest_is_read()
    {
        var parsed = FixtureArchive.Parse("uncertain-topics.md");

        var topic = Assert.Single(parsed.Post!.Sections, s => s.Kind == SectionKind.Topic);
        Assert.Equal("Watermarks for generated images", topic.Text.Heading);
        Assert.Equal("Provenance for newsrooms.", topic.Text.Benefits);
        Assert.Contains(parsed.Notes, n => n.StartsWith("topic 1", StringComparison.Ordinal) && n.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.StartsWith("topic 2", StringComparison.Ordinal) && n.Contains("no title in bold", StringComparison.Ordinal));
        Assert.Equal(["Star bullets (with parentheses) & ampersands!", "[R] A flair tag in brackets"],
            parsed.Post.Sections.Where(s => s.Kind == SectionKind.Trending).Select(s => s.Text.Heading));
    }

    [Fact]
    public void A_heading_written_twice_keeps_both_and_the_text_between_them()
    {
        var parsed = FixtureArchive.Parse("duplicated-heading.md");

        Assert.Equal(2, parsed.Post!.Sections.Count(s => s.Kind == SectionKind.Prediction));
        Assert.Contains(parsed.Post.Sections, s => s is { Kind: SectionKind.Free, Text.Heading: "GPT predicts future events", Text.Body: "Here are this week's predictions:" });
        Assert.Contains(parsed.Notes, n => n.Contains("has text but no items", StringComparison.Ordinal));
    }

    [Fact]
    public void Years_written_in_the_subject_are_read_as_the_predicted_date()
    {
        var predictions = FixtureArchive.Parse("subjects-and-years.md").Post!.Sections.Where(s => s.Kind == SectionKind.Prediction).ToList();

        Assert.Equal(
            [("Technological singularity, following AGI", "2048"), ("Artificial General Intelligence (AGI) by the mid-2030s", "2035-2037"), ("Artificial superintelligence", "2199")],
            predictions.Select(p => (p.Text.Heading, p.Text.PredictedWhen)));
    }

    [Theory]
    [MemberData(nameof(SeedArchive.All), MemberType = typeof(SeedArchive))]
    public void The_old_blogs_own_posts_are_read_without_a_doubt(string file)
    {
        var parsed = SeedArchive.Read(file);

        Assert.DoesNotContain(FixtureArchive.Parse(file).Notes, n => n.Contains("kept as written", StringComparison.Ordinal) || n.Contains("kept whole", StringComparison.Ordinal));
        Assert.False(parsed.IsFreeText);
    }
}
