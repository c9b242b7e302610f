using System.Collections;
using System.Text;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// The source texts of a section (item text, abstract, comments), read once so each claim is looked up cheaply:
/// every letter and digit folded into one string with word-run boundaries marked (a name or quote must match whole
/// runs: "gpt4o" matches "GPT-4o" and "gpt 4o" but not the middle of a word), every number and date with its place,
/// and every sentence with its words for overlap.
/// </summary>
internal sealed class SourceIndex
{
    private readonly string _squashed;
    private readonly int[] _text;
    private readonly int[] _offset;
    private readonly BitArray _runStart;
    private readonly BitArray _runEnd;
    private readonly List<(NumberValue Number, SourceSpan Span)> _numbers = [];
    private readonly List<(DateKey Date, SourceSpan Span)> _dates = [];
    private readonly List<SourceSentence> _sentences = [];
    private readonly HashSet<string> _lowerCaseWords = new(StringComparer.Ordinal);

    public SourceIndex(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Texts = texts;
        var squashed = new StringBuilder();
        var owner = new List<int>();
        var offsets = new List<int>();
        var starts = new List<bool>();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = Numbers.JoinThousands(texts[t]);
            var inRun = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!char.IsLetterOrDigit(c))
                {
                    inRun = false;
                    continue;
                }

                squashed.Append(GroundingText.Fold(c));
                owner.Add(t);
                offsets.Add(i);
                starts.Add(!inRun);
                inRun = true;
            }

            // A separator no claim contains, so a match never spans two texts.
            squashed.Append('\u0001');
            owner.Add(t);
            offsets.Add(text.Length);
            starts.Add(true);
            Read(t, text);
        }

        _squashed = squashed.ToString();
        _text = [.. owner];
        _offset = [.. offsets];
        _runStart = new BitArray(starts.Count);
        _runEnd = new BitArray(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            _runStart[i] = starts[i];
            // A run ends where the next one starts (the separator starts one of its own).
            _runEnd[i] = i + 1 >= starts.Count || starts[i + 1];
        }
    }

    public IReadOnlyList<string> Texts { get; }

    public bool UsedInLowerCase(string folded) => _lowerCaseWords.Contains(folded);

    /// <summary>Where <paramref name="squashed"/> occurs as whole runs; with <paramref name="capitalised"/>, only where the source writes it with a capital.</summary>
    public SourceSpan? FindRuns(string squashed, bool capitalised = false, Func<SourceSpan, bool>? prefer = null)
    {
        if (squashed.Length == 0)
        {
            return null;
        }

        SourceSpan? first = null;
        for (var at = _squashed.IndexOf(squashed, StringComparison.Ordinal); at >= 0; at = _squashed.IndexOf(squashed, at + 1, StringComparison.Ordinal))
        {
            var last = at + squashed.Length - 1;
            if (!_runStart[at] || !_runEnd[last] || _text[at] != _text[last])
            {
                continue;
            }

            var text = Texts[_text[at]];
            if (capitalised && !char.IsUpper(text[_offset[at]]))
            {
                continue;
            }

            var span = new SourceSpan(_text[at], _offset[at], _offset[last] - _offset[at] + 1);
            if (prefer is null || prefer(span))
            {
                return span;
            }

            first ??= span;
        }

        return first;
    }

    /// <summary>The first place the number is given, or one that <paramref name="prefer"/> likes better.</summary>
    public SourceSpan? FindNumber(NumberValue number, Func<SourceSpan, bool>? prefer = null) =>
        First(_numbers.Where(n => number.Matches(n.Number)).Select(n => n.Span), prefer);

    public SourceSpan? FindDate(DateKey date, Func<SourceSpan, bool>? prefer = null)
    {
        var found = First(_dates.Where(d => date.IsSupportedBy(d.Date)).Select(d => d.Span), prefer);
        if (found is not null && (prefer is null || prefer(found)))
        {
            return found;
        }

        // A year alone is also found as a plain number ("since 2019").
        return date is { Month: 0, Day: 0 } ? FindNumber(new NumberValue(date.Year, "", false), prefer) ?? found : found;
    }

    private static SourceSpan? First(IEnumerable<SourceSpan> spans, Func<SourceSpan, bool>? prefer)
    {
        SourceSpan? first = null;
        foreach (var span in spans)
        {
            if (prefer is null || prefer(span))
            {
                return span;
            }

            first ??= span;
        }

        return first;
    }

    /// <summary>The source sentence sharing the most words with <paramref name="stems"/>, when it shares enough to rest on.</summary>
    public SourceSpan? BestOverlap(IReadOnlySet<string> stems)
    {
        if (stems.Count == 0)
        {
            return null;
        }

        SourceSentence? best = null;
        var bestShared = 0;
        foreach (var sentence in _sentences)
        {
            var shared = 0;
            foreach (var stem in stems)
            {
                if (sentence.Stems.Contains(stem))
                {
                    shared++;
                }
            }

            if (shared > bestShared)
            {
                (best, bestShared) = (sentence, shared);
            }
        }

        // Three shared content words and at least half of the sentence's: a paraphrase, not a coincidence.
        return best is not null && bestShared >= Math.Min(3, stems.Count) && bestShared * 2 >= stems.Count && stems.Count >= 2 ? best.Span : null;
    }

    /// <summary>The content words of a piece of text, as overlap compares them.</summary>
    public static HashSet<string> StemsOf(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens.Of(text))
        {
            var word = GroundingText.Squash(token.Text);
            if (word.Length > 0 && word.Any(char.IsLetter) && !CommonWords.IsStopWord(word))
            {
                stems.Add(GroundingText.Stem(word));
            }
        }

        return stems;
    }

    private void Read(int t, string text)
    {
        // One pass over the tokens gives the lower-case words, the numbers and each sentence's words.
        var tokens = Tokens.Of(text);
        var stems = new List<(int Start, string Stem)>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var word = token.Text;
            if (char.IsDigit(word[0]) || word[0] is '$' or '€' or '£' or '¥')
            {
                if (Numbers.IsNumber(word) && Numbers.Read(text, tokens, i, out _, out var end) is { } number)
                {
                    _numbers.Add((number, new SourceSpan(t, token.Start, end - token.Start)));
                }

                continue;
            }

            var folded = GroundingText.Squash(word);
            if (char.IsLower(word[0]) && IsLowerCase(word))
            {
                _lowerCaseWords.Add(folded);
            }

            if (folded.Length > 0 && !CommonWords.IsStopWord(folded))
            {
                stems.Add((token.Start, GroundingText.Stem(folded)));
            }
        }

        foreach (var (date, start, length) in Dates.Find(text))
        {
            _dates.Add((date, new SourceSpan(t, start, length)));
        }

        var next = 0;
        foreach (var (start, length) in Sentences.Split(text))
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            while (next < stems.Count && stems[next].Start < start)
            {
                next++;
            }

            for (; next < stems.Count && stems[next].Start < start + length; next++)
            {
                words.Add(stems[next].Stem);
            }

            _sentences.Add(new SourceSentence(new SourceSpan(t, start, length), words));
        }
    }

    private static bool IsLowerCase(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record SourceSentence(SourceSpan Span, HashSet<string> Stems);
}

/// <summary>A passage of one of a section's source texts: which text (by position), where it starts and how long it is.</summary>
public sealed record SourceSpan(int Source, int Start, int Length);
