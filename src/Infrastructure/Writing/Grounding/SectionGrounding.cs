namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>How a sentence stands against its sources.</summary>
public enum SentenceStanding
{
    /// <summary>It rests on a source passage, and every number, name, quote and date in it is in the sources.</summary>
    Grounded,
    /// <summary>It states a number, name, quote or date found in none of the sources.</summary>
    Unsupported,
    /// <summary>What it states is found only in discussion comments, and it says so as a fact instead of attributing it to the commenter.</summary>
    CommentOnly,
    /// <summary>It states nothing checkable (an opinion, a possible consequence) and no source passage says the same.</summary>
    Commentary,
}

/// <summary>One checkable fact of a sentence and where the sources say it, or null when they do not.</summary>
public sealed record CheckedClaim(ClaimKind Kind, string Text, SourceSpan? FoundAt)
{
    public bool IsSupported => FoundAt is not null;
}

/// <summary>What the optional second opinion (the verification prompt) said about a sentence.</summary>
public sealed record ModelFlag(string Reason, string Model);

/// <summary>One sentence of a section as checked: which part it is in, its text, how it stands and the passages it rests on.</summary>
public sealed record CheckedSentence(
    string Part,
    string Text,
    SentenceStanding Standing,
    IReadOnlyList<CheckedClaim> Claims,
    IReadOnlyList<SourceSpan> Spans,
    ModelFlag? FlaggedByModel = null)
{
    public IEnumerable<CheckedClaim> Missing => Claims.Where(c => !c.IsSupported);

    /// <summary>The check found something the sources do not contain (or only a comment does), or the second opinion doubted it.</summary>
    public bool NeedsAttention => Standing is SentenceStanding.Unsupported or SentenceStanding.CommentOnly || FlaggedByModel is not null;
}

/// <summary>A section's model-written text checked sentence by sentence against its sources.</summary>
public sealed record SectionGrounding(IReadOnlyList<CheckedSentence> Sentences)
{
    public static readonly SectionGrounding Empty = new([]);

    public int Grounded => Sentences.Count(s => s.Standing == SentenceStanding.Grounded);

    public int Unsupported => Sentences.Count(s => s.Standing == SentenceStanding.Unsupported);

    public int CommentOnly => Sentences.Count(s => s.Standing == SentenceStanding.CommentOnly);

    /// <summary>Sentences the second opinion flagged that the check itself had not found unsupported.</summary>
    public int FlaggedOnlyByModel => Sentences.Count(s => s.FlaggedByModel is not null && s.Standing is not (SentenceStanding.Unsupported or SentenceStanding.CommentOnly));

    public int Commentary => Sentences.Count(s => s.Standing == SentenceStanding.Commentary);
}
