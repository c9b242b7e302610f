using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>The stories chosen for an edition: numbered topics and trending headlines, each crediting every source that carried it.</summary>
public sealed record EditionPlan(IReadOnlyList<PlannedStory> Topics, IReadOnlyList<PlannedStory> Trending)
{
    public bool IsEmpty => Topics.Count == 0 && Trending.Count == 0;

    /// <summary>
    /// Groups the ranked items into stories (<see cref="StoryClusters"/>) and picks the best: topics from stories
    /// that a topics-or-both source carried, then trending headlines from the rest that a trending-or-both source
    /// carried. A story is used once.
    /// </summary>
    public static EditionPlan Choose(IReadOnlyList<Candidate> ranked, int topicCount, int trendingCount)
    {
        var stories = StoryClusters.Build(ranked);
        var topics = stories.Where(s => s.Candidates.Any(c => c.Source.Role != SourceRole.Trending)).Take(topicCount).ToList();
        var trending = stories.Except(topics).Where(s => s.Candidates.Any(c => c.Source.Role != SourceRole.Topics)).Take(trendingCount).ToList();
        return new EditionPlan(topics, trending);
    }
}
