using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>Dates as prose writes them: "2025-02-04", "February 4, 2025", "4 Feb 2025", "March 2031", "Feb 4".</summary>
internal static partial class Dates
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static IEnumerable<(DateKey Date, int Start, int Length)> Find(string text)
    {
        var taken = new List<(int Start, int End)>();
        foreach (var regex in new[] { Iso(), MonthDayYear(), DayMonthYear(), MonthYear(), MonthDay() })
        {
            foreach (Match match in regex.Matches(text))
            {
                if (taken.Any(t => match.Index < t.End && t.Start < match.Index + match.Length))
                {
                    continue;
                }

                var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
                var month = match.Groups["m"].Success ? Month(match.Groups["m"].Value) : 0;
                var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;
                if (month is < 0 or > 12 || day > 31 || (year != 0 && year is < 1900 or > 2200))
                {
                    continue;
                }

                taken.Add((match.Index, match.Index + match.Length));
                yield return (new DateKey(year, month, day), match.Index, match.Length);
            }
        }
    }

    private static int Month(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : Array.IndexOf(MonthNames, value[..3].ToLowerInvariant()) + 1;

    private const string MonthPattern = "(?<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthPattern + @"\.?,?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?,?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();
}
