using System.Globalization;
using Digest.Domain.Generation;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>What a piece of evidence is: a source item's own text, or one comment of its discussion.</summary>
public enum EvidenceKind
{
    Item,
    Comment,
}

/// <summary>
/// One source text a section was written from, kept with the section when the draft is made: the text of each item
/// of its story (title, reception, date, excerpt or abstract) and each discussion comment the writer was given.
/// Kept as it was then, so the check, the editor's hover and a later regeneration all read what the writer read,
/// even after the item is fetched again or pruned.
/// </summary>
public sealed class SourceEvidence
{
    public const int MaxTextLength = 8_000;

    private SourceEvidence() { }

    public Guid Id { get; private set; }
    public Guid SectionId { get; private set; }
    public int Position { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public Guid? SourceItemId { get; private set; }
    /// <summary>Where it is from: the item's credit ("r/MachineLearning · 612 points · 88 comments") or the comment's author and score.</summary>
    public string Label { get; private set; } = "";
    /// <summary>The item's discussion or link, or the comment's permalink.</summary>
    public string Url { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>For a comment: who wrote it ("u/alice", "pg").</summary>
    public string? Author { get; private set; }
    public int? Score { get; private set; }
    public DateTime? PostedAt { get; private set; }
    /// <summary>For a comment: the discussion it belongs to (where its thread line links); for an item: its own discussion, if any.</summary>
    public string? ThreadUrl { get; private set; }
    /// <summary>For a comment: where the discussion is ("r/MachineLearning", "Hacker News").</summary>
    public string? ThreadSource { get; private set; }

    /// <summary>The text the check reads: for an item, its text with its credit and date, so "612 points" or "posted on 25 November" are found.</summary>
    public string CheckedText => Kind == EvidenceKind.Item
        ? $"{Text}\n{Label}{(PostedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $" · posted on {at:yyyy-MM-dd}") : "")}"
        : Text;

    public static SourceEvidence ForItem(Guid sectionId, int position, Guid? sourceItemId, string label, string url, string title, string? excerpt, DateTime? postedAt, string? discussionUrl) => new()
    {
        Id = Guid.NewGuid(),
        SectionId = sectionId,
        Position = position,
        Kind = EvidenceKind.Item,
        SourceItemId = sourceItemId,
        Label = Clip(label, 500),
        Url = Clip(url, 2000),
        Text = Clip(string.IsNullOrWhiteSpace(excerpt) ? title : $"{title}\n{excerpt.Trim()}", MaxTextLength),
        PostedAt = postedAt,
        ThreadUrl = discussionUrl is null ? null : Clip(discussionUrl, 2000),
    };

    public static SourceEvidence ForComment(Guid sectionId, int position, Guid? sourceItemId, DiscussionThread thread, DiscussionComment comment)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(comment);
        return new()
        {
            Id = Guid.NewGuid(),
            SectionId = sectionId,
            Position = position,
            Kind = EvidenceKind.Comment,
            SourceItemId = sourceItemId,
            Label = Clip(comment.Credit(thread.SourceName), 500),
            Url = Clip(comment.Permalink, 2000),
            Text = Clip(comment.Text, MaxTextLength),
            Author = Clip(comment.Author, 200),
            Score = comment.Score,
            PostedAt = comment.PostedAt,
            ThreadUrl = Clip(thread.Url, 2000),
            ThreadSource = Clip(thread.SourceName, 200),
        };
    }

    /// <summary>The comment as the writer is given it again (a regeneration reads the same discussion).</summary>
    public DiscussionComment ToComment() =>
        new(Author ?? "", Score, Text, Url, PostedAt);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>A statement the optional second opinion said its section's sources do not support, as the model gave it.</summary>
public sealed class SecondOpinionFinding
{
    private SecondOpinionFinding() { }

    public Guid Id { get; private set; }
    public Guid SectionId { get; private set; }
    public string Sentence { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string Model { get; private set; } = "";
    /// <summary>The verification prompt as name@version.</summary>
    public string Prompt { get; private set; } = "";
    public DateTime At { get; private set; }

    public static SecondOpinionFinding Record(Guid sectionId, string sentence, string reason, string model, string prompt, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        SectionId = sectionId,
        Sentence = sentence.Length <= 2000 ? sentence : sentence[..2000],
        Reason = reason.Length <= 1000 ? reason : reason[..1000],
        Model = model.Length <= 200 ? model : model[..200],
        Prompt = prompt.Length <= 200 ? prompt : prompt[..200],
        At = at,
    };

    public ModelStatement ToStatement() => new(Sentence, Reason, Model);
}
