using Digest.Domain.Generation;
using Digest.Domain.Sources;

namespace Digest.Domain.Tests.Generation;

/// <summary>One story on Reddit, Hacker News and arXiv becomes one topic that credits every source, and says why.</summary>
public sealed class SameStoryFromSeveralSourcesIsOneTopic
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);
    private static readonly Source MachineLearning = new("r/MachineLearning", new Uri("https://www.reddit.com/r/MachineLearning/top.json"), SourceKind.Reddit, SourceRole.Topics);
    private static readonly Source News = new("r/machinelearningnews", new Uri("https://www.reddit.com/r/machinelearningnews/hot.json"), SourceKind.Reddit, SourceRole.Trending);
    private static readonly Source HackerNews = new("Hacker News", new Uri("https://hn.algolia.com/api/v1/search?tags=front_page"), SourceKind.HackerNews);
    private static readonly Source Arxiv = new("arXiv cs.LG", new Uri("https://export.arxiv.org/api/query?search_query=cat:cs.LG"), SourceKind.Arxiv);

    [Fact]
    public void A_paper_linked_from_reddit_and_hacker_news_and_listed_on_arxiv_is_one_story_crediting_all_three()
    {
        var paper = Item(Arxiv, "Mamba-3: Improved Sequence Modeling using State Space Principles", "https://arxiv.org/abs/2611.01234", externalId: "2611.01234");
        var reddit = Item(MachineLearning, "[R] Mamba-3 is out", "https://arxiv.org/abs/2611.01234", score: 420, comments: 80, flair: "Research");
        var hn = Item(HackerNews, "Mamba-3 (state space models)", "https://huggingface.co/papers/2611.01234", score: 300, comments: 120);
        var other = Item(MachineLearning, "[D] What GPU for a home lab?", "https://www.reddit.com/r/MachineLearning/comments/zz1/", score: 50);

        var plan = EditionPlan.Choose(ItemRanker.Rank([paper, reddit, hn, other], Now), topicCount: 5, trendingCount: 3);

        var story = plan.Topics[0];
        Assert.Equal(["arXiv cs.LG", "Hacker News", "r/MachineLearning"], story.Candidates.Select(c => c.Source.Name).Order());
        Assert.Equal(2, plan.Topics.Count);
        Assert.Contains("also on", story.Lead.Reason, StringComparison.Ordinal);
        Assert.All(story.Candidates.Skip(1), c => Assert.Contains("same story", c.Reason, StringComparison.Ordinal));
        Assert.Contains(story.Candidates, c => c.Reason.Contains("arXiv 2611.01234", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_link_under_tracking_free_canonical_urls_is_one_story()
    {
        var onHn = Item(HackerNews, "Show HN: evalkit, reproducible evals", "https://github.com/acme/evalkit", score: 200);
        var onNews = Item(News, "Acme releases evalkit for LLM evaluation", "https://github.com/acme/evalkit", score: 40);

        var stories = StoryClusters.Build(ItemRanker.Rank([onHn, onNews], Now));

        var story = Assert.Single(stories);
        Assert.Contains("same link as", story.Candidates[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Near_identical_headlines_are_one_story_and_merely_related_ones_are_not()
    {
        var a = Item(HackerNews, "OpenAI releases GPT-5.5 with a 1M token context window", "https://openai.com/index/gpt-5-5");
        var b = Item(News, "[N] OpenAI releases GPT-5.5 with 1M token context window", "https://www.marktechpost.com/2026/11/26/gpt-5-5/");
        var related = Item(MachineLearning, "[D] GPT-5.5 context window: does 1M tokens matter?", "https://www.reddit.com/r/MachineLearning/comments/zz2/");

        var stories = StoryClusters.Build(ItemRanker.Rank([a, b, related], Now));

        Assert.Equal(2, stories.Count);
        var merged = Assert.Single(stories, s => s.Candidates.Count == 2);
        Assert.Contains("headline", merged.Candidates[1].Reason, StringComparison.Ordinal);
        Assert.True(TitleSimilarity.Of(a.Item.Title, b.Item.Title) >= TitleSimilarity.SameStoryThreshold);
        Assert.True(TitleSimilarity.Of(a.Item.Title, related.Item.Title) < TitleSimilarity.SameStoryThreshold);
    }

    [Fact]
    public void Short_titles_never_match_on_words_alone()
    {
        var stories = StoryClusters.Build(ItemRanker.Rank([Item(HackerNews, "Llama 4", "https://a.example/1"), Item(News, "Llama 4!", "https://b.example/2")], Now));

        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void A_text_post_about_one_paper_joins_that_paper_but_one_citing_several_does_not()
    {
        var paper = Item(Arxiv, "Sparse attention at a million tokens", "https://arxiv.org/abs/2611.04321", externalId: "2611.04321");
        var about = SelfPost(MachineLearning, "[R] Our new result on long context", "Paper: https://arxiv.org/pdf/2611.04321v2 — code soon.");
        var survey = SelfPost(MachineLearning, "[D] Reading list for long context", "See arXiv:2611.04321 and arXiv:2401.00001 and more.");

        var stories = StoryClusters.Build(ItemRanker.Rank([paper, about, survey], Now));

        Assert.Equal(2, stories.Count);
        Assert.Contains(stories, s => s.Candidates.Count == 2 && s.Candidates.Any(c => c.Item.Title.StartsWith("[R]", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_story_several_sources_carry_outranks_an_equal_one_only_one_carries()
    {
        var lone = Item(HackerNews, "A lone story about compilers", "https://lone.example/", score: 500);
        var shared = Item(HackerNews, "A shared story about kernels", "https://shared.example/", score: 500);
        var sharedElsewhere = Item(News, "A shared story about kernels", "https://shared.example/", score: 10);

        var stories = StoryClusters.Build(ItemRanker.Rank([lone, shared, sharedElsewhere], Now));

        Assert.Equal("https://shared.example/", stories[0].Lead.Item.CanonicalUrl);
        Assert.Equal(stories[0].Lead.Rank * (1 + PlannedStory.BonusPerOtherSource), stories[0].Rank, 6);
    }

    [Fact]
    public void A_story_from_a_trending_source_that_a_topics_source_also_carries_can_be_a_topic()
    {
        var headline = Item(News, "Acme open-sources its 70B reasoning model weights", "https://acme.example/70b", score: 900);
        var discussion = Item(MachineLearning, "Acme open-sources its 70B reasoning model weights", "https://acme.example/70b", score: 10);

        var plan = EditionPlan.Choose(ItemRanker.Rank([headline, discussion], Now), topicCount: 1, trendingCount: 1);

        Assert.Single(plan.Topics);
        Assert.Empty(plan.Trending);
    }

    [Fact]
    public void A_brief_without_text_borrows_the_abstract_of_the_same_story_elsewhere()
    {
        var hn = Item(HackerNews, "Mamba-3 released", "https://arxiv.org/abs/2611.01234", score: 900);
        var paper = Item(Arxiv, "Mamba-3", "https://arxiv.org/abs/2611.01234", excerpt: "We introduce Mamba-3, a state space model.");

        var story = Assert.Single(StoryClusters.Build(ItemRanker.Rank([hn, paper], Now)));

        Assert.Equal("Hacker News", story.Lead.Source.Name);
        Assert.Equal("We introduce Mamba-3, a state space model.", story.ToBrief().Excerpt);
    }

    private static (SourceItem Item, Source Source) Item(Source source, string title, string url, int? score = null, int? comments = null, string? externalId = null, string? flair = null, string? excerpt = null)
    {
        var fetched = new FetchedItem(title, url, excerpt, Now.AddHours(-3), Score: score, Comments: comments, ExternalId: externalId, Flair: flair);
        return (new SourceItem(source.Id, fetched, url, Now), source);
    }

    private static (SourceItem Item, Source Source) SelfPost(Source source, string title, string text)
    {
        var permalink = $"https://www.reddit.com/r/MachineLearning/comments/{Math.Abs(title.GetHashCode(StringComparison.Ordinal)):x}/";
        var fetched = new FetchedItem(title, permalink, text, Now.AddHours(-2), Score: 100, Comments: 10, DiscussionUrl: permalink);
        return (new SourceItem(source.Id, fetched, permalink, Now), source);
    }
}
