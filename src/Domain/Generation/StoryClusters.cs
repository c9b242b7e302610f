using System.Globalization;
using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>
/// Groups ranked items into stories, so one story on Reddit, Hacker News and arXiv is one topic crediting all three.
/// Two items are the same story when they share
/// <list type="number">
/// <item>a canonical URL,</item>
/// <item>an arXiv paper (from their links, arXiv's own id, or the one paper a text post links to), or</item>
/// <item>a headline: <see cref="TitleSimilarity"/> at or above its threshold.</item>
/// </list>
/// The relation is transitive (A links the paper, B has A's headline: A, B and the paper are one story).
/// Each item's reason says why it joined its story.
/// </summary>
public static class StoryClusters
{
    /// <param name="ranked">Candidates, best first (as <see cref="ItemRanker.Rank"/> gives them).</param>
    /// <returns>Stories, best first by <see cref="PlannedStory.Rank"/>.</returns>
    public static IReadOnlyList<PlannedStory> Build(IReadOnlyList<Candidate> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var facts = ranked.Select(c => new Facts(c)).ToList();
        var groups = new DisjointSets(ranked.Count);

        JoinOnKey(facts, groups, f => [f.Candidate.Item.CanonicalUrl]);
        JoinOnKey(facts, groups, f => f.ArxivIds);
        for (var i = 0; i < facts.Count; i++)
        {
            for (var j = i + 1; j < facts.Count; j++)
            {
                if (TitleSimilarity.AreSameStory(facts[i].Words, facts[j].Words))
                {
                    groups.Join(i, j);
                }
            }
        }

        return [.. Enumerable.Range(0, facts.Count)
            .GroupBy(groups.Find)
            .Select(g => Story([.. g.Select(i => facts[i])]))
            .OrderByDescending(s => s.Rank)
            .ThenBy(s => s.Lead.Item.Title, StringComparer.Ordinal)];
    }

    private static void JoinOnKey(List<Facts> facts, DisjointSets groups, Func<Facts, IEnumerable<string>> keys)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            foreach (var key in keys(facts[i]))
            {
                if (!first.TryAdd(key, i))
                {
                    groups.Join(first[key], i);
                }
            }
        }
    }

    private static PlannedStory Story(List<Facts> members)
    {
        // Members keep the ranking order: the first is the best-ranked, the lead.
        if (members.Count == 1)
        {
            return new PlannedStory([members[0].Candidate]);
        }

        var lead = members[0];
        var story = new PlannedStory([.. members.Select(m => m.Candidate)]);
        var candidates = new List<Candidate>(members.Count) { lead.Candidate with { Reason = Join(lead.Candidate.Reason, story.Corroboration()) } };
        foreach (var member in members.Skip(1))
        {
            candidates.Add(member.Candidate with { Reason = Join(member.Candidate.Reason, WhySameStory(member, members)) });
        }

        return new PlannedStory(candidates);
    }

    private static string WhySameStory(Facts member, List<Facts> members)
    {
        foreach (var other in members.Where(m => !ReferenceEquals(m, member)))
        {
            var name = other.Candidate.Source.Name;
            if (other.Candidate.Item.CanonicalUrl == member.Candidate.Item.CanonicalUrl)
            {
                return $"same story: same link as {name}";
            }

            if (member.ArxivIds.Intersect(other.ArxivIds, StringComparer.Ordinal).FirstOrDefault() is { } paper)
            {
                return $"same story: arXiv {paper}, like {name}";
            }

            var alike = TitleSimilarity.Jaccard(member.Words, other.Words);
            if (TitleSimilarity.AreSameStory(member.Words, other.Words))
            {
                return string.Create(CultureInfo.InvariantCulture, $"same story: headline {alike:P0} alike to {name}'s");
            }
        }

        return "same story";
    }

    private static string Join(string reason, string more) => more.Length == 0 ? reason : $"{reason} · {more}";

    private sealed class Facts(Candidate candidate)
    {
        public Candidate Candidate { get; } = candidate;
        public IReadOnlySet<string> Words { get; } = TitleSimilarity.Words(candidate.Item.Title);
        public IReadOnlyList<string> ArxivIds { get; } = PapersOf(candidate.Item);

        private static List<string> PapersOf(SourceItem item)
        {
            var ids = new List<string>();
            foreach (var text in new[] { item.CanonicalUrl, item.Url })
            {
                if (Sources.ArxivIds.TryFind(text, out var id))
                {
                    ids.Add(id);
                }
            }

            if (ids.Count == 0 && Sources.ArxivIds.TryBare(item.ExternalId, out var own))
            {
                ids.Add(own);
            }

            // A text post (its link is its own discussion) about exactly one paper is about that paper; one citing
            // several is a discussion of its own.
            if (ids.Count == 0 && item.Url == item.DiscussionUrl && Sources.ArxivIds.FindAll(item.Excerpt) is [var only])
            {
                ids.Add(only);
            }

            return [.. ids.Distinct(StringComparer.Ordinal)];
        }
    }

    private sealed class DisjointSets
    {
        private readonly int[] _parent;

        public DisjointSets(int count) => _parent = [.. Enumerable.Range(0, count)];

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        // The smaller index wins, so a group's root is its best-ranked member.
        public void Join(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
