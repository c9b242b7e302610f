using System.Text;

namespace Digest.Domain.Posts;

/// <summary>Compares topic headings the way a reader would: tags like "[R]", case and punctuation do not count.</summary>
public static class Headings
{
    private const double NearlyIdentical = 0.85;

    public static bool AreNearlyIdentical(string? a, string? b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return false;
        }

        if (left.SequenceEqual(right))
        {
            return true;
        }

        // Short headings differ by one word and are still another story ("GPT-5 released" vs "GPT-6 released").
        if (Math.Min(left.Count, right.Count) < 4)
        {
            return false;
        }

        var common = left.Intersect(right).Count();
        var all = left.Union(right).Count();
        return (double)common / all >= NearlyIdentical;
    }

    private static List<string> Words(string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return [];
        }

        var text = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Reddit's flair tags ("[R]", "[D]", "[P]") say what kind of post it is, not what it is about.
        if (heading.TrimStart().StartsWith('[') && words.Count > 0 && words[0].Length == 1)
        {
            words.RemoveAt(0);
        }

        return words;
    }
}
