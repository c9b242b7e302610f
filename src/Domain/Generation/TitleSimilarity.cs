using System.Globalization;
using System.Text;

namespace Digest.Domain.Generation;

/// <summary>
/// How alike two headlines are: the Jaccard index of their word sets (shared words ÷ all distinct words) after
/// normalising — lower case, accents removed, punctuation as spaces, and words that say nothing about the story
/// dropped (articles and prepositions, Reddit's [R]/[D] tags, "Show HN", "arXiv", "paper"). Two titles are the same
/// story at <see cref="SameStoryThreshold"/> or more, and only when each has at least <see cref="MinimumWords"/>
/// words left, so two two-word titles never match by accident.
/// </summary>
public static class TitleSimilarity
{
    public const double SameStoryThreshold = 0.6;
    public const int MinimumWords = 3;

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "are", "be",
        "its", "it", "this", "that", "via", "into", "new", "how", "why", "what",
        "r", "d", "p", "n", "show", "ask", "hn", "arxiv", "paper", "pdf", "research", "discussion", "project", "news",
    };

    /// <summary>The words a title is compared by.</summary>
    public static IReadOnlySet<string> Words(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Noise.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>Shared words ÷ distinct words of both, 0 when either is empty.</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static double Of(string a, string b) => Jaccard(Words(a), Words(b));

    public static bool AreSameStory(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count >= MinimumWords && b.Count >= MinimumWords && Jaccard(a, b) >= SameStoryThreshold;
}
