using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>A statement the second opinion said a section's sources do not support, as stored.</summary>
public sealed record ModelStatement(string Sentence, string Reason, string Model);

/// <summary>
/// Checks the model-written parts of a topic (summary, Benefits, Ramifications, the thread line) or a trending
/// headline (its summary) sentence by sentence against the section's source texts. Deterministic and in memory:
/// the same text and sources always give the same result, so it runs again on every edit.
/// </summary>
public static class SectionChecker
{
    /// <summary>The parts of a section that a writer writes and the check reads, in reading order.</summary>
    public static IReadOnlyList<(string Part, string? Text)> PartsOf(SectionKind kind, SectionText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind switch
        {
            SectionKind.Topic => [("Summary", text.Body), ("Benefits", text.Benefits), ("Ramifications", text.Ramifications), (HouseFormat.ThreadLabel, text.Thread)],
            SectionKind.Trending => [("Summary", text.Body)],
            _ => [],
        };
    }

    /// <summary>Whether sections of this kind are checked at all (predictions are the model's guesses, with no sources).</summary>
    public static bool IsChecked(SectionKind kind) => kind is SectionKind.Topic or SectionKind.Trending;

    /// <param name="comments">Which of <paramref name="sources"/> are discussion comments (by position): a fact found only there must be attributed.</param>
    public static SectionGrounding Check(SectionKind kind, SectionText text, IReadOnlyList<string> sources, IReadOnlyList<ModelStatement>? secondOpinion = null, IReadOnlySet<int>? comments = null) =>
        Check(kind, text, new SourceIndex(sources), secondOpinion, comments);

    internal static SectionGrounding Check(SectionKind kind, SectionText text, SourceIndex index, IReadOnlyList<ModelStatement>? secondOpinion = null, IReadOnlySet<int>? comments = null)
    {
        var parts = PartsOf(kind, text).Select(p => (p.Part, Plain: GroundingText.FromMarkdown(p.Text))).Where(p => p.Plain.Length > 0).ToList();
        var ownLowerCase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, plain) in parts)
        {
            foreach (var token in Tokens.Of(plain).Where(t => t.Text.All(c => !char.IsLetter(c) || char.IsLower(c))))
            {
                ownLowerCase.Add(GroundingText.Squash(token.Text));
            }
        }

        bool UsedInLowerCase(string folded) => ownLowerCase.Contains(folded) || index.UsedInLowerCase(folded);

        var sentences = new List<CheckedSentence>();
        foreach (var (part, plain) in parts)
        {
            foreach (var (start, length) in Sentences.Split(plain))
            {
                sentences.Add(CheckSentence(part, plain.Substring(start, length), index, UsedInLowerCase, comments));
            }
        }

        return new SectionGrounding(secondOpinion is { Count: > 0 } ? [.. sentences.Select(s => WithSecondOpinion(s, secondOpinion))] : sentences);
    }

    private static CheckedSentence CheckSentence(string part, string sentence, SourceIndex index, Func<string, bool> usedInLowerCase, IReadOnlySet<int>? comments)
    {
        var claims = ClaimFinder.Find(sentence, usedInLowerCase)
            .Select(c => new CheckedClaim(c.Kind, c.Text, Find(c, index, comments)))
            .ToList();
        var overlap = index.BestOverlap(SourceIndex.StemsOf(sentence));
        var spans = claims.Select(c => c.FoundAt).OfType<SourceSpan>().Append(overlap).OfType<SourceSpan>().Distinct().ToList();
        var standing = claims.Any(c => !c.IsSupported) ? SentenceStanding.Unsupported
            : claims.Count > 0 && comments is { Count: > 0 } && claims.All(c => comments.Contains(c.FoundAt!.Source)) && !Attributes(sentence) ? SentenceStanding.CommentOnly
            : claims.Count > 0 || overlap is not null ? SentenceStanding.Grounded
            : SentenceStanding.Commentary;
        return new CheckedSentence(part, sentence, standing, claims, spans);
    }

    /// <summary>Whether a sentence says that what it reports comes from the discussion ("one commenter says …").</summary>
    private static bool Attributes(string sentence) =>
        Tokens.Of(sentence).Any(t => AttributionWords.Contains(GroundingText.Squash(t.Text)) || t.Text.StartsWith("u/", StringComparison.Ordinal));

    private static readonly HashSet<string> AttributionWords = new(StringComparer.Ordinal)
    {
        "comment", "comments", "commenter", "commenters", "commented", "commenting", "thread", "threads", "discussion", "discussions",
        "reply", "replies", "replied", "user", "users", "redditor", "redditors", "poster", "posters", "someone", "people",
        "participants", "respondents", "readers", "practitioners", "critics", "skeptics", "sceptics", "commentators",
    };

    /// <summary>Where the sources say it: an item's own text when it does, so a fact that is in the post is never taken for a commenter's.</summary>
    private static SourceSpan? Find(Claim claim, SourceIndex index, IReadOnlySet<int>? comments)
    {
        var preferItems = comments is { Count: > 0 } ? (Func<SourceSpan, bool>)(s => !comments.Contains(s.Source)) : null;
        return claim.Kind switch
        {
            ClaimKind.Number => index.FindNumber(claim.Number!.Value, preferItems),
            ClaimKind.Date => index.FindDate(claim.Date!.Value, preferItems),
            ClaimKind.Quote => index.FindRuns(claim.Squashed, prefer: preferItems),
            _ => index.FindRuns(claim.Squashed, prefer: preferItems) ?? claim.Alternatives.Select(a => index.FindRuns(a, capitalised: true, prefer: preferItems)).FirstOrDefault(s => s is not null),
        };
    }

    private static CheckedSentence WithSecondOpinion(CheckedSentence sentence, IReadOnlyList<ModelStatement> statements)
    {
        var mine = GroundingText.Squash(sentence.Text);
        foreach (var statement in statements)
        {
            var theirs = GroundingText.Squash(statement.Sentence);
            if (theirs.Length == 0)
            {
                continue;
            }

            // The model was asked to copy the sentence; it may drop a word or quote only part of it.
            var same = mine == theirs
                || (theirs.Length >= 20 && mine.Contains(theirs, StringComparison.Ordinal))
                || (mine.Length >= 20 && theirs.Contains(mine, StringComparison.Ordinal))
                || WordOverlap(sentence.Text, statement.Sentence) >= 0.8;
            if (same)
            {
                return sentence with { FlaggedByModel = new ModelFlag(statement.Reason, statement.Model) };
            }
        }

        return sentence;
    }

    private static double WordOverlap(string a, string b)
    {
        var x = Tokens.Of(a).Select(t => GroundingText.Squash(t.Text)).ToHashSet(StringComparer.Ordinal);
        var y = Tokens.Of(b).Select(t => GroundingText.Squash(t.Text)).ToHashSet(StringComparer.Ordinal);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }
}
