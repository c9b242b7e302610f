using Digest.Domain.Sources;

namespace Digest.Domain.Generation;

/// <summary>A source item in the running for an edition, with its rank and the reason for it in words.</summary>
public sealed record Candidate(SourceItem Item, Source Source, double Rank, string Reason)
{
    public TopicBrief ToBrief() =>
        new(Item.Title, Item.Url, Item.Excerpt, Source.Name, Item.Score, Item.Comments, Item.PublishedAt);

    /// <summary>How the item is credited under its topic, e.g. "r/MachineLearning · Research · 342 points · 57 comments".</summary>
    public string CreditLabel()
    {
        var parts = new List<string> { Source.Name };
        if (!string.IsNullOrWhiteSpace(Item.Flair))
        {
            parts.Add(Item.Flair);
        }

        if (Item.Score is { } score)
        {
            parts.Add(score == 1 ? "1 point" : $"{score} points");
        }

        if (Item.Comments is { } comments)
        {
            parts.Add(comments == 1 ? "1 comment" : $"{comments} comments");
        }

        return string.Join(" · ", parts);
    }
}
