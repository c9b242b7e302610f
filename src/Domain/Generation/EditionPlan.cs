using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>The stories chosen for an edition: numbered topics and trending headlines, each crediting every source that carried it.</summary>
public sealed record EditionPlan(IReadOnlyList<PlannedStory> Topics, IReadOnlyList<PlannedStory> Trending)
{
    public bool IsEmpty => Topics.Count == 0 && Trending.Count == 0;

    /// <summary>Picks the best stories; the same story from several sources (same canonical URL) becomes one, crediting all.</summary>
    public static EditionPlan Choose(IReadOnlyList<Candidate> ranked, int topicCount, int trendingCount)
    {
        var stories = ranked
            .GroupBy(c => c.Item.CanonicalUrl, StringComparer.Ordinal)
            .Select(g => new PlannedStory([.. g]))
            .ToList();

        var topics = stories.Where(s => s.Lead.Source.Role != SourceRole.Trending).Take(topicCount).ToList();
        var trending = stories.Except(topics).Where(s => s.Lead.Source.Role != SourceRole.Topics).Take(trendingCount).ToList();
        return new EditionPlan(topics, trending);
    }
}

/// <summary>One story; the lead is its best-ranked item, the others are the same story elsewhere.</summary>
public sealed record PlannedStory(IReadOnlyList<Candidate> Candidates)
{
    public Candidate Lead => Candidates[0];
}
