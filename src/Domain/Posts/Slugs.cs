using System.Globalization;
using System.Text;
using Digest.Domain.Common;

namespace Digest.Domain.Posts;

/// <summary>URL slugs as Hugo makes them from file names: lower case, words joined by hyphens.</summary>
public static class Slugs
{
    public static string ForEdition(DateOnly edition) =>
        edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-ai-digest";

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasHyphen = true;
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.')
            {
                builder.Append(c);
                lastWasHyphen = false;
            }
            else if (!lastWasHyphen && (c == '-' || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                builder.Append('-');
                lastWasHyphen = true;
            }
        }

        var slug = builder.ToString().Trim('-', '.');
        return slug.Length == 0 ? throw new DomainException("A slug needs at least one letter or digit.") : slug;
    }
}
