using System.Text;

namespace Digest.Infrastructure.Search;

/// <summary>
/// What a reader typed into the search box, made safe for either index. The raw text is untrusted: it may hold
/// quotes, operators or kilobytes of noise. Both providers see a bounded string; SQLite's FTS5 sees only quoted words,
/// because its MATCH syntax turns a stray quote or operator into an error.
/// </summary>
public sealed record SearchTerms(string Text, IReadOnlyList<string> Words)
{
    /// <summary>Longer input is cut: a search box is not a place for an essay, and every character costs index work.</summary>
    public const int MaxLength = 200;

    public const int MaxWords = 12;

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms From(string? raw)
    {
        // Control characters mean nothing in a search and PostgreSQL refuses a NUL in text.
        var text = new string((raw ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        return new SearchTerms(text, WordsOf(text));
    }

    /// <summary>
    /// The words as an FTS5 query: each one a quoted string (so nothing in it is syntax), all of them required, and
    /// each (from two letters on) a prefix, so a reader finds "transformers" by typing "transf".
    /// </summary>
    public string ToFts5Query() => string.Join(' ', Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (w.Length >= 2 ? "*" : "")));

    /// <summary>The words as a PostgreSQL tsquery: every word required, each a prefix (<c>word:*</c>). Words are letters and digits only.</summary>
    public string ToTsQueryPrefixes() => string.Join(" & ", Words.Select(w => w.ToLowerInvariant() + (w.Length >= 2 ? ":*" : "")));

    /// <summary>True when the reader used search syntax: a quoted phrase, <c>or</c>, or a <c>-word</c> to exclude.</summary>
    public bool HasOperators =>
        Text.Contains('"', StringComparison.Ordinal)
        || Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals("or", StringComparison.OrdinalIgnoreCase) || (t.Length > 1 && t[0] == '-'));

    private static List<string> WordsOf(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0 && words.Count < MaxWords && !words.Contains(word.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }
    }
}
