using System.Globalization;
using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>
/// Ranks items for an edition: community reception normalised within each source (so 300 points on a
/// small subreddit counts like 3,000 on a large one), freshness, and the source's weight.
/// </summary>
public static class ItemRanker
{
    private const double ReceptionShare = 0.6;
    private static readonly TimeSpan FreshnessHalfLife = TimeSpan.FromHours(24);

    public static IReadOnlyList<Candidate> Rank(IEnumerable<(SourceItem Item, Source Source)> items, DateTime now)
    {
        var ranked = new List<Candidate>();
        foreach (var group in items.GroupBy(x => x.Source.Id))
        {
            var list = group.ToList();
            var best = list.Max(x => Reception(x.Item));
            foreach (var (item, source) in list)
            {
                var reception = best > 0 ? Reception(item) / best : 0.5;
                var age = now - (item.PublishedAt ?? item.FirstSeenAt);
                if (age < TimeSpan.Zero)
                {
                    age = TimeSpan.Zero;
                }

                var freshness = Math.Pow(0.5, age / FreshnessHalfLife);
                var rank = source.Weight * ((ReceptionShare * reception) + ((1 - ReceptionShare) * freshness));
                ranked.Add(new Candidate(item, source, rank, Explain(item, source, reception, age, list.Count)));
            }
        }

        return [.. ranked.OrderByDescending(c => c.Rank).ThenBy(c => c.Item.Title, StringComparer.Ordinal)];
    }

    private static double Reception(SourceItem item) => (item.Score ?? 0) + (2.0 * (item.Comments ?? 0));

    private static string Explain(SourceItem item, Source source, double reception, TimeSpan age, int fromSource)
    {
        var received = item.Score is null && item.Comments is null
            ? "no score published by this source"
            : string.Create(CultureInfo.InvariantCulture, $"reception {reception:P0} of the best of {fromSource} items from {source.Name}");
        var hours = (int)Math.Round(age.TotalHours);
        return string.Create(CultureInfo.InvariantCulture, $"{received}; {hours} h old; source weight {source.Weight:0.##}");
    }
}
