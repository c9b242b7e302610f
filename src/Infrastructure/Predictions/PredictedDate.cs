using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Predictions;

/// <summary>
/// A predicted date read as a year with the month as a fraction ("March 2027" is 2027 + 2/12). A range
/// ("2030-2040", "2030s") is plotted at its middle, with <see cref="Low"/> and <see cref="High"/> as its ends.
/// </summary>
public sealed partial record PredictedDate(double Year, double? Low = null, double? High = null)
{
    private const int Earliest = 1950;
    private const int Latest = 2500;

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public bool IsRange => Low is not null && High is not null;

    /// <summary>
    /// The date a prediction names: its predicted date as written, else a year written in its subject ("AGI by the
    /// mid-2030s (2035-2037)"), else the first year in its rationale given in parentheses or after "by"/"in"/"around".
    /// </summary>
    public static PredictedDate? Find(string? predictedWhen, string? subject, string? rationale) =>
        Parse(predictedWhen) ?? Parse(subject) ?? (rationale is null ? null : RationaleYear().Match(rationale) is { Success: true } m ? Parse(m.Groups["when"].Value) : null);

    /// <summary>Reads "2030", "March 2027", "2045 (November)", "2030-2040", "by 2045", "the 2030s"; null when no year is there.</summary>
    public static PredictedDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var range = YearRange().Match(text);
        if (range.Success && ReadYear(range.Groups["from"].Value) is { } from && ReadYear(range.Groups["to"].Value) is { } to && to > from)
        {
            return new PredictedDate((from + to) / 2.0, from, to);
        }

        var decade = Decade().Match(text);
        if (decade.Success && ReadYear(decade.Groups["decade"].Value) is { } start)
        {
            // "early 2030s" is 2030–2033, "mid-2030s" 2034–2036, "late 2030s" 2037–2039; "the 2030s" the whole decade.
            var (first, last) = decade.Groups["part"].Value.ToLowerInvariant() switch
            {
                "early" => (start, start + 3),
                "mid" => (start + 4, start + 6),
                "late" => (start + 7, start + 9),
                _ => (start, start + 10),
            };
            return new PredictedDate((first + last) / 2.0, first, last);
        }

        var year = SingleYear().Match(text);
        if (!year.Success || ReadYear(year.Value) is not { } value)
        {
            return null;
        }

        var month = MonthName().Match(text);
        return new PredictedDate(month.Success ? value + MonthIndex(month.Value) / 12.0 : value);
    }

    /// <summary>The value as a reader would say it: "March 2027", "2030", "2030–2040".</summary>
    public string Describe()
    {
        if (IsRange)
        {
            return $"{Low!.Value.ToString("0", CultureInfo.InvariantCulture)}–{High!.Value.ToString("0", CultureInfo.InvariantCulture)}";
        }

        var whole = (int)Math.Floor(Year);
        var month = (int)Math.Round((Year - whole) * 12);
        return month == 0
            ? whole.ToString(CultureInfo.InvariantCulture)
            : new DateTime(whole, month + 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private static int? ReadYear(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Earliest and <= Latest ? year : null;

    private static int MonthIndex(string name) => Array.IndexOf(Months, name[..3].ToLowerInvariant());

    [GeneratedRegex(@"\b(?<from>\d{4})\s*(?:-|–|—|to|and)\s*(?<to>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?:\b(?<part>early|mid|late)[\s-]+)?\b(?<decade>\d{3}0)'?s\b", RegexOptions.IgnoreCase)]
    private static partial Regex Decade();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex SingleYear();

    [GeneratedRegex(@"(?:\((?<when>[^)]*\d{4}[^)]*)\)|\b(?:by|in|around|until)\s+(?<when>(?:[A-Z][a-z]+\s+)?\d{4}(?:\s*[-–]\s*\d{4})?))")]
    private static partial Regex RationaleYear();

    [GeneratedRegex(@"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthName();
}
