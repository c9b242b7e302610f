namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// Splits plain text into sentences, with their place in the text. A sentence ends at . ! ? or … followed by a
/// space and a capital letter, digit or quote, and at every line break; not after an abbreviation ("Dr.", "e.g."),
/// an initial ("J. Smith") or inside a number ("3.5").
/// </summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "fig", "eq", "no", "vol",
        "al", "inc", "ltd", "co", "corp", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "est", "cf", "ca", "resp", "dept", "univ", "op",
    };

    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Closing quotes and brackets belong to the sentence they end.
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or ']' or '.' or '!' or '?')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            var startsAnother = next >= text.Length || text[next] == '\n' || char.IsUpper(text[next]) || char.IsDigit(text[next])
                || text[next] is '"' or '“' or '(' or '[' or '*' or '-';
            if (!startsAnother || (c == '.' && IsAbbreviation(text, i)))
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }

    private static void Add(List<(int, int)> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                sentences.Add((start, end - start));
                return;
            }
        }
    }
}
