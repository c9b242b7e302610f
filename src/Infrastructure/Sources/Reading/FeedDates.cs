using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>
/// Dates as feeds really write them: RFC 822 with or without weekday and seconds, two-digit years, numeric
/// offsets or zone names (GMT, EST, CET, …), and RFC 3339 / ISO 8601. An unreadable date is no date, not an error.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0, ["WET"] = 0, ["BST"] = 1, ["CET"] = 1, ["MET"] = 1, ["CEST"] = 2,
        ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3, ["MSK"] = 3, ["IST"] = 5, ["JST"] = 9, ["KST"] = 9, ["AEST"] = 10, ["AEDT"] = 11,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The moment in UTC, or null when the text is not a date we can read.</summary>
    public static DateTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var rfc822 = Rfc822().Match(text);
        if (rfc822.Success && FromRfc822(rfc822) is { } parsed)
        {
            return parsed;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso)
            ? iso.UtcDateTime
            : null;
    }

    public static DateTime FromUnixSeconds(double seconds) => DateTime.UnixEpoch.AddSeconds(seconds);

    private static DateTime? FromRfc822(Match match)
    {
        var month = Array.IndexOf(Months, match.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var offset = Offset(match.Groups["zone"].Value);
        if (offset is null)
        {
            return null;
        }

        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(local - offset.Value, DateTimeKind.Utc);
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var numeric = NumericZone().Match(zone);
        if (!numeric.Success)
        {
            return null;
        }

        var span = new TimeSpan(int.Parse(numeric.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture), 0);
        return numeric.Groups["sign"].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,9})\.?\s+(?<year>\d{2,4})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\.\d+)?\s*(?<zone>[A-Za-z]{1,5}|[+\-]\d{2}:?\d{2})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?<sign>[+\-])(?<h>\d{2}):?(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
