using System.Text;
using System.Text.RegularExpressions;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Decides whether an item was read with certainty. Two kinds of test: the shape of the item is one the house format
/// knows (a topic's title in bold, each label once; a prediction's subject a short name, not a date or a whole
/// sentence), and nothing was lost, duplicated or moved — the item written back from its fields reads the same
/// words, in the same order, as the Markdown it came from. Anything else is a guess, and a guess is not made.
/// </summary>
internal static partial class HouseItemCheck
{
    private const int LongestSubject = 16;

    /// <summary>Why the item cannot be taken as read (a phrase to follow the item's name), or null when it can.</summary>
    public static string? Problem(SectionKind kind, HugoSection section, HouseChunk chunk, string markdown)
    {
        var shape = kind switch
        {
            SectionKind.Topic => TopicShape(chunk),
            SectionKind.Prediction => PredictionShape(section.Text),
            _ => section.Text.Heading is null ? "has no headline" : null,
        };
        return shape ?? (SameWords(kind, section.Text, markdown) ? null : "could not be split into its parts without changing its text");
    }

    private static string? TopicShape(HouseChunk chunk)
    {
        if (!MarkdownText.TryLeadingStrong(chunk.First, out _, out _))
        {
            return "has no title in bold";
        }

        var labels = chunk.Lines.Select(HouseTopicReader.LabelOf).OfType<string>().ToList();
        return labels.Count != labels.Distinct(StringComparer.OrdinalIgnoreCase).Count()
            ? "names Benefits or Ramifications twice"
            : null;
    }

    private static string? PredictionShape(SectionText text)
    {
        if (text.Heading is not { } subject)
        {
            return "names no subject";
        }

        if (HousePredictionReader.IsDate(subject))
        {
            return "has a date where its subject should be";
        }

        var words = Words(subject).Count;
        if (words > LongestSubject || SentenceBreak().IsMatch(subject) || (text.Body is null && words > 8))
        {
            return "holds a whole statement in its subject";
        }

        return null;
    }

    /// <summary>The item written in the house format from its fields reads the same words as it did.</summary>
    private static bool SameWords(SectionKind kind, SectionText text, string markdown)
    {
        var original = Words(MarkdownRenderer.ToPlainText(markdown));
        // A date read from inside the rationale is shown there already; written out it appears twice, which is no loss.
        return original.SequenceEqual(WordsWritten(kind, text))
            || (text.PredictedWhen is { } when && text.Body?.Contains(when, StringComparison.Ordinal) == true
                && original.SequenceEqual(WordsWritten(kind, text with { PredictedWhen = null })));
    }

    private static List<string> WordsWritten(SectionKind kind, SectionText text)
    {
        var section = new Section(kind, text.Heading, text.Body, text.Benefits, text.Ramifications, text.PredictedWhen);
        var written = HouseFormat.ToMarkdown([section], withSources: false);
        return Words(MarkdownRenderer.ToPlainText(written[(written.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]));
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // "AGI will arrive. Progress is fast" — a sentence ends inside the subject.
    [GeneratedRegex(@"[.!?]\s+\p{Lu}")]
    private static partial Regex SentenceBreak();
}
