namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>A word, number or name-like token of a sentence and where it is.</summary>
internal readonly record struct Token(int Start, int End, string Text)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into tokens: runs of letters and digits joined by inner hyphens, dots, slashes, apostrophes and
/// the like ("GPT-4o", "Llama-3.1-8B", "r/MachineLearning", "1,000.5"), a leading currency sign and a trailing
/// percent or times sign ("$2.5M", "97.3%", "3×").
/// </summary>
internal static class Tokens
{
    public static List<Token> Of(string text, int from = 0, int to = -1)
    {
        if (to < 0)
        {
            to = text.Length;
        }

        var tokens = new List<Token>();
        var i = from;
        while (i < to)
        {
            var c = text[i];
            var currency = c is '$' or '€' or '£' or '¥' && i + 1 < to && char.IsDigit(text[i + 1]);
            if (!char.IsLetterOrDigit(c) && !currency)
            {
                i++;
                continue;
            }

            var start = i;
            var j = currency ? i + 1 : i;
            while (j < to)
            {
                var ch = text[j];
                if (char.IsLetterOrDigit(ch))
                {
                    j++;
                }
                else if (ch is '-' or '.' or '_' or '/' or '+' or '\'' or '’' or '&' && j + 1 < to && char.IsLetterOrDigit(text[j + 1]) && j > start)
                {
                    j++;
                }
                else if (ch == ',' && j > start && char.IsDigit(text[j - 1]) && IsThousands(text, j, to))
                {
                    j++;
                }
                else if (ch is '%' or '×' && j > start && char.IsDigit(text[j - 1]))
                {
                    j++;
                    break;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(start, j, text[start..j]));
            i = j;
        }

        return tokens;
    }

    /// <summary>Only white space between two tokens: they may form one name ("Yann LeCun"), a comma or a full stop never does.</summary>
    public static bool Adjacent(string text, Token a, Token b)
    {
        if (b.Start - a.End is < 1 or > 2)
        {
            return false;
        }

        for (var i = a.End; i < b.Start; i++)
        {
            if (text[i] is not (' ' or '\u00A0'))
            {
                return false;
            }
        }

        return true;
    }

    // "1,000" and "12,500,000": groups of exactly three digits after each comma.
    private static bool IsThousands(string text, int comma, int to) =>
        comma + 3 < to && char.IsDigit(text[comma + 1]) && char.IsDigit(text[comma + 2]) && char.IsDigit(text[comma + 3])
        && (comma + 4 >= to || !char.IsDigit(text[comma + 4]));
}
