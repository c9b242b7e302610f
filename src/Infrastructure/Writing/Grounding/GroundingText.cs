using System.Globalization;
using System.Text;
using Markdig;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>Text as the check reads it: Markdown reduced to its words, letters folded for comparison.</summary>
internal static class GroundingText
{
    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("*_`[]<>#\\|~!&");

    /// <summary>What a reader sees of a Markdown part: emphasis, links and escapes gone, one line per paragraph or list item.</summary>
    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Only markup characters need Markdig; plain prose (most model output) is taken as it is.
        var plain = markdown.AsSpan().IndexOfAny(MarkupCharacters) >= 0 || markdown.Contains("\n>", StringComparison.Ordinal) || markdown.StartsWith('>')
            ? Markdown.ToPlainText(markdown)
            : markdown;
        return plain.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    /// <summary>Lower case without accents: the form letters are compared in.</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        var lower = char.ToLowerInvariant(c);
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : lower;
    }

    /// <summary>The letters and digits of <paramref name="text"/>, folded, with nothing between them: "GPT-4o" and "gpt 4o" are both "gpt4o".</summary>
    public static string Squash(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = Fold(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static readonly string[] Suffixes = ["ing", "ed", "es", "s"];

    /// <summary>A word as it is compared for overlap: folded, with a plural or verb ending taken off.</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length > 5 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        foreach (var suffix in Suffixes)
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }
}
