using System.Globalization;

namespace Digest.Domain.Generation;

/// <summary>
/// One story, as one or more sources carried it. The lead is its best-ranked item (its title and link are used);
/// the others are the same story elsewhere, credited beside it.
/// </summary>
public sealed record PlannedStory(IReadOnlyList<Candidate> Candidates)
{
    /// <summary>A story several sources carry matters more: +25% for each other source, counted up to four.</summary>
    public const double BonusPerOtherSource = 0.25;
    private const int MaxOtherSourcesCounted = 4;

    public Candidate Lead => Candidates[0];

    public int SourceCount => Candidates.Select(c => c.Source.Id).Distinct().Count();

    public double Rank => Lead.Rank * (1 + (BonusPerOtherSource * Math.Min(SourceCount - 1, MaxOtherSourcesCounted)));

    /// <summary>The lead's brief; when the lead has no text of its own (a Hacker News link), the longest text of the
    /// others (an arXiv abstract, a Reddit self-post) stands in, so the writer has something to read.</summary>
    public TopicBrief ToBrief()
    {
        var brief = Lead.ToBrief();
        if (!string.IsNullOrWhiteSpace(brief.Excerpt))
        {
            return brief;
        }

        var excerpt = Candidates.Skip(1).Select(c => c.Item.Excerpt).Where(e => !string.IsNullOrWhiteSpace(e)).MaxBy(e => e!.Length);
        return brief with { Excerpt = excerpt };
    }

    internal string Corroboration()
    {
        var others = Candidates.Skip(1).Select(c => c.Source).Where(s => s.Id != Lead.Source.Id).DistinctBy(s => s.Id).Select(s => s.Name).ToList();
        return others.Count == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"also on {string.Join(", ", others)} (+{BonusPerOtherSource * Math.Min(others.Count, MaxOtherSourcesCounted):P0})");
    }
}
