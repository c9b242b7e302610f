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
            return new PredictedDate(start + 5, start, start + 10);
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

    [GeneratedRegex(@"\b(?<decade>\d{3}0)'?s\b")]
    private static partial Regex Decade();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex SingleYear();

    [GeneratedRegex(@"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthName();
}
