using System.Globalization;

namespace Digest.Web.Components.Public;

/// <summary>Reads a page number from a URL. Anything that is not a positive number means page 1; a huge one means "the last".</summary>
public static class Paging
{
    public static long Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Math.Max(1, number);
        }

        // Only digits but too long for a number: further than any page, so the last page.
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit) ? long.MaxValue : 1;
    }

    public static string HomePath(int page) => page <= 1 ? "/" : $"/page/{page}/";
}
