using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>
/// Texts copied out of the seed files by hand (indentation removed; a lone "- " that only wraps a paragraph removed,
/// a real list of several items kept) and compared with what the parser keeps.
/// </summary>
public sealed class SeedTextsAreKeptAsWritten
{
    [Fact]
    public void A_paragraph_after_a_blank_line_is_the_benefit_text()
    {
        var dolly = Topic("2023-04-12-ai-auto-summary.md", 0);

        Assert.Equal("Dolly 2.0", dolly.Heading);
        Assert.Equal(DollyBenefits, dolly.Benefits);
        Assert.Equal(DollyRamifications, dolly.Ramifications);
    }

    [Fact]
    public void A_single_dash_item_that_only_wraps_the_text_is_unwrapped()
    {
        var topic = Topic("2023-08-15-ai-auto-summary.md", 0);

        Assert.Equal("Vision-based reinforcement learning for Trackmania: close or at superhuman level", topic.Heading);
        Assert.Equal(TrackmaniaBenefits, topic.Benefits);
    }

    [Fact]
    public void A_real_list_keeps_its_items()
    {
        Assert.Equal(DeepMindBenefits, Topic("2023-09-22-ai-auto-summary.md", 0).Benefits);
    }

    [Fact]
    public void An_intro_and_a_list_stay_two_paragraphs()
    {
        Assert.Equal(HyperDreamBoothBenefits, Topic("2023-07-15-ai-auto-summary.md", 0).Benefits);
    }

    [Fact]
    public void Text_on_the_line_under_the_label_and_trailing_spaces_after_it_are_read_the_same()
    {
        var sameLineLayout = Topic("2026-01-04-ai-auto-summary.md", 0);
        var nextLineLayout = Topic("2024-03-14-ai-auto-summary.md", 0);

        Assert.StartsWith("Preparing for interviews at DeepMind can offer candidates profound insights", sameLineLayout.Benefits);
        Assert.EndsWith("which could limit diversity in problem-solving approaches within the field.", sameLineLayout.Ramifications);
        Assert.StartsWith("The potential benefits of a Data Interpreter LLM Agent for Data Science include", nextLineLayout.Benefits);
    }

    [Fact]
    public void Inline_date_in_parentheses_with_a_phrase_around_the_subject()
    {
        var (agi, singularity) = Predictions("2023-04-12-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence will be achieved in the next decade", "2030"), (agi.Heading, agi.PredictedWhen));
        Assert.Equal(AgiIn2030Rationale, agi.Body);
        Assert.Equal(("The technological singularity may occur in the mid to late 21st century", "2050-2080"), (singularity.Heading, singularity.PredictedWhen));
    }

    [Fact]
    public void Nested_list_with_the_date_as_first_item()
    {
        var (agi, singularity) = Predictions("2023-04-17-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence will be created", "July 2032"), (agi.Heading, agi.PredictedWhen));
        Assert.Equal(AgiJuly2032Rationale, agi.Body);
        Assert.Equal(("Technological singularity will occur", "September 2045"), (singularity.Heading, singularity.PredictedWhen));
    }

    [Fact]
    public void Predictions_label_then_date_after_a_colon()
    {
        var (agi, singularity) = Predictions("2023-07-15-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence (AGI)", "December 2030"), (agi.Heading, agi.PredictedWhen));
        Assert.StartsWith("AGI refers to highly autonomous systems", agi.Body);
        Assert.Equal(("Technological singularity", "May 2050"), (singularity.Heading, singularity.PredictedWhen));
    }

    [Fact]
    public void Numbered_predictions_with_a_range_and_the_colon_inside_the_bold()
    {
        var (agi, singularity) = Predictions("2023-08-15-ai-auto-summary.md");

        Assert.Equal(("Artificial General Intelligence", "2035-2040"), (agi.Heading, agi.PredictedWhen));
        Assert.StartsWith("I predict that we will achieve artificial general intelligence (AGI) within this timeframe.", agi.Body);
        Assert.Equal(("Technological Singularity", "2050-2075"), (singularity.Heading, singularity.PredictedWhen));
    }

    [Fact]
    public void Date_only_inside_the_rationale()
    {
        var (agi, singularity) = Predictions("2023-09-22-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence", "2031-2041"), (agi.Heading, agi.PredictedWhen));
        Assert.Equal(AgiWithinTenToTwentyYearsRationale, agi.Body);
        Assert.Equal("2071-2121", singularity.PredictedWhen);
    }

    [Fact]
    public void Rationale_as_a_paragraph_under_the_item_and_the_date_as_written()
    {
        var (agi, singularity) = Predictions("2023-10-11-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence", "2045 (November)"), (agi.Heading, agi.PredictedWhen));
        Assert.Equal(AgiNovember2045Rationale, agi.Body);
        Assert.Equal("2070 (January)", singularity.PredictedWhen);
    }

    [Fact]
    public void Date_leading_the_nested_rationale()
    {
        var (agi, singularity) = Predictions("2023-10-27-ai-auto-summary.md");

        Assert.Equal(("Artificial general intelligence", "2030"), (agi.Heading, agi.PredictedWhen));
        Assert.Equal(Agi2030ByDateLabelRationale, agi.Body);
        Assert.Equal("2050", singularity.PredictedWhen);
    }

    [Theory]
    [InlineData("2025-02-05-ai-auto-summary.md", "Artificial General Intelligence (AGI)", "March 2027", "Technological Singularity", "September 2035")]
    [InlineData("2025-06-26-ai-auto-summary.md", "Artificial General Intelligence (AGI)", "September 2033", "Technological Singularity", "June 2037")]
    [InlineData("2026-01-02-ai-auto-summary.md", "Artificial General Intelligence (AGI)", "March 2035", "Technological Singularity", "December 2045")]
    [InlineData("2026-01-04-ai-auto-summary.md", "Artificial General Intelligence (AGI)", "April 2028", "Technological Singularity", "November 2035")]
    [InlineData("2024-07-18-ai-auto-summary.md", "Artificial general intelligence", "June 2030", "Technological singularity", "December 2045")]
    [InlineData("2023-08-20-ai-auto-summary.md", "Artificial General Intelligence", "2035", "Technological Singularity", "2050")]
    public void Later_layouts_give_subject_and_date(string file, string agiSubject, string agiWhen, string singularitySubject, string singularityWhen)
    {
        var (agi, singularity) = Predictions(file);

        Assert.Equal((agiSubject, agiWhen), (agi.Heading, agi.PredictedWhen));
        Assert.Equal((singularitySubject, singularityWhen), (singularity.Heading, singularity.PredictedWhen));
    }

    [Fact]
    public void Date_inside_the_bold_subject()
    {
        Assert.Equal(AgiSeptember2033Rationale, Predictions("2025-06-26-ai-auto-summary.md").Agi.Body);
    }

    private static SectionText Topic(string file, int index) =>
        SeedArchive.Read(file).Sections.Where(s => s.Kind == SectionKind.Topic).ElementAt(index).Text;

    private static (SectionText Agi, SectionText Singularity) Predictions(string file)
    {
        var predictions = SeedArchive.Read(file).Sections.Where(s => s.Kind == SectionKind.Prediction).Select(s => s.Text).ToList();
        Assert.Equal(2, predictions.Count);
        return (predictions[0], predictions[1]);
    }

    private const string DollyBenefits = """
        Dolly 2.0 is an open-source, instruction-following LLM that could provide significant benefits for both research and commercial use. Research institutions could leverage the technology to accelerate and automate language-based tasks, such as text summarization, knowledge extraction, and natural language processing. Commercial entities could use Dolly 2.0 to automate customer service, language-based analysis, and content creation. Moreover, an open-source LLM allows for greater accessibility and collaboration among researchers, which could facilitate breakthroughs in language-based research.
        """;

    private const string DollyRamifications = """
        However, there are concerns about the misuse of LLMs, particularly in generating fake news, impersonating individuals, and creating disinformation campaigns. As Dolly 2.0 is instruction-following, there is a risk of using it for nefarious purposes such as creating deepfakes, spreading propaganda and disinformation, and influencing public opinion. Additionally, there is a risk that smaller players, who may not have the same ethical standards as established research institutions, could access and misuse the technology. Therefore, safeguards and ethical considerations must be developed to ensure responsible use of Dolly 2.0.
        """;

    private const string TrackmaniaBenefits = """
        Developing vision-based reinforcement learning algorithms that can perform at or above human level in tasks like Trackmania can have several benefits. It can lead to advancements in autonomous driving, as the same principles can be applied to real-world scenarios. This could ultimately result in safer and more efficient transportation systems.
        """;

    private const string DeepMindBenefits = """
        - This advancement in image and audio compression can significantly reduce the file sizes of these types of media, allowing for more efficient storage and transmission.
        - Smaller file sizes also mean faster loading times, which can improve the user experience on websites and applications that heavily rely on images and audio.
        - With better compression, it may be possible to store more images and audio files on devices with limited storage capacities, such as smartphones, without sacrificing quality.
        - Reduced file sizes can also lead to reduced bandwidth usage, which can be particularly beneficial in areas with limited internet access or expensive data plans.
        """;

    private const string HyperDreamBoothBenefits = """
        HyperDreamBooth, a technology using HyperNetworks, can potentially provide fast personalization of text-to-image models. This could have several benefits for humans, such as:

        - Enhanced creativity: With the ability to personalize text-to-image models quickly, individuals could generate unique and personalized images based on their preferences or specific requirements. This could be useful for artistic expressions, design, or even creating personalized content for marketing purposes.
        - Increased efficiency: Fast personalization of text-to-image models can save time and resources in generating custom images. This could be beneficial for any industry or application where customized visuals are needed, including advertising, virtual reality, or video game development.
        - Improved user experience: By incorporating personalized images into various platforms or applications, user experiences can be enhanced. This may lead to increased engagement and satisfaction for users, whether in social media, e-commerce, or other digital platforms.
        """;

    private const string AgiIn2030Rationale = """
        With advancements in neural networks, machine learning, and natural language processing, it is possible that AGI can be achieved in the next ten years. However, there are still technological and ethical challenges that need to be addressed before this can happen.
        """;

    private const string AgiJuly2032Rationale = """
        With the advancements in machine learning and deep learning technologies, researchers are getting closer to creating machines that can think and reason like humans. The development of AGI will revolutionize various industries, from healthcare to finance to transportation.
        """;

    private const string AgiWithinTenToTwentyYearsRationale = """
        It is difficult to predict an exact timeframe for when artificial general intelligence will be achieved. However, based on the current rate of advancements in artificial intelligence, it is possible that we may see the development of artificial general intelligence within the next 10-20 years (2031-2041). This prediction is based on the exponential growth of computing power, the increasing availability of big data, and the continuous development of sophisticated machine learning algorithms. As technology progresses, researchers and scientists are constantly pushing the boundaries of AI capabilities, and it is likely that artificial general intelligence will be achieved within this timeframe.
        """;

    private const string AgiNovember2045Rationale = """
        I predict that artificial general intelligence will be achieved in November 2045. This is based on the current rate of progress in the field of artificial intelligence and the exponential growth of computational power. Researchers are making significant strides in advancing AI technologies and narrowing down the gap between narrow AI and general intelligence. With the rapid development of machine learning algorithms and the availability of vast amounts of data, it is reasonable to assume that AGI will be achieved within the next few decades.
        """;

    private const string Agi2030ByDateLabelRationale = """
        I predict that artificial general intelligence will be achieved by 2030. With advancements in machine learning, deep learning, and neural networks, researchers are making significant progress in creating intelligent systems that can understand, learn, and reason in a similar way to humans. As technology continues to evolve and computing power increases, it is plausible that we will have the capability to develop artificial general intelligence within the next decade.
        """;

    private const string AgiSeptember2033Rationale = """
        The development of AGI requires significant advances in machine learning, cognitive architecture, and computational power. Given the current trajectory of AI research, investments in technology, and interdisciplinary collaborations, I believe we may reach AGI capabilities within the next decade, allowing machines to perform any intellectual task that a human can do.
        """;
}
