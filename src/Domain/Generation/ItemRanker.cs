using System.Globalization;
using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>
/// Ranks items for an edition: rank = source weight × (60% reception + 40% freshness).
/// <list type="bullet">
/// <item>Reception is the item's place among the items of its own source by points + 2 × comments (the best of
/// n is 1, the last 1/n), so the top of a small subreddit counts like the top of Hacker News and one viral
/// outlier does not flatten everything else. Items of a source that publishes no counts (feeds, arXiv) get ½.</item>
/// <item>Freshness halves every 24 hours since publication (or since first seen, when undated).</item>
/// </list>
/// The reason in words is kept with each candidate and shown to the editor beside the source.
/// </summary>
public static class ItemRanker
{
    public const double ReceptionShare = 0.6;
    public const double CommentWeight = 2.0;
    private const double UnknownReception = 0.5;
    private static readonly TimeSpan FreshnessHalfLife = TimeSpan.FromHours(24);

    public static IReadOnlyList<Candidate> Rank(IEnumerable<(SourceItem Item, Source Source)> items, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ranked = new List<Candidate>();
        foreach (var group in items.GroupBy(x => x.Source.Id))
        {
            var counted = group.Where(x => HasCounts(x.Item)).Select(x => Reception(x.Item)).OrderDescending().ToList();
            foreach (var (item, source) in group)
            {
                var place = HasCounts(item) ? counted.IndexOf(Reception(item)) + 1 : (int?)null;
                var reception = place is { } p ? 1.0 - ((p - 1.0) / counted.Count) : UnknownReception;
                var age = now - (item.PublishedAt ?? item.FirstSeenAt);
                if (age < TimeSpan.Zero)
                {
                    age = TimeSpan.Zero;
                }

                var freshness = Math.Pow(0.5, age / FreshnessHalfLife);
                var rank = source.Weight * ((ReceptionShare * reception) + ((1 - ReceptionShare) * freshness));
                ranked.Add(new Candidate(item, source, rank, Explain(source, place, counted.Count, age)));
            }
        }

        return [.. ranked.OrderByDescending(c => c.Rank).ThenBy(c => c.Item.Title, StringComparer.Ordinal)];
    }

    private static bool HasCounts(SourceItem item) => item.Score is not null || item.Comments is not null;

    private static double Reception(SourceItem item) => (item.Score ?? 0) + (CommentWeight * (item.Comments ?? 0));

    /// <summary>E.g. "#2 of 48 on Hacker News by points and comments · 5 h old · weight 1.5".</summary>
    private static string Explain(Source source, int? place, int of, TimeSpan age)
    {
        var received = place is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"#{p} of {of} on {source.Name} by points and comments")
            : $"{source.Name} gives no points or comments";
        var old = age < TimeSpan.FromHours(1) ? "under 1 h old"
            : age < TimeSpan.FromHours(48) ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(age.TotalHours)} h old")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(age.TotalDays)} days old");
        var weight = source.Weight == 1.0 ? "" : string.Create(CultureInfo.InvariantCulture, $" · weight {source.Weight:0.##}");
        return $"{received} · {old}{weight}";
    }
}
