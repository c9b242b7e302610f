using System.Globalization;

namespace Digest.Web.Components.Public;

/// <summary>Dates as the public pages write them: English month names, UTC, whatever the server's culture.</summary>
public static class Dates
{
    public static string Full(DateTime date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string WithTime(DateTime utc) => utc.ToString("MMMM d, yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
