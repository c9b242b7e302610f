using Digest.Domain.Common;

namespace Digest.Infrastructure.Editing;

/// <summary>Editors think in the site's time zone; the database keeps UTC.</summary>
public static class SiteTime
{
    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/>; a time skipped by a clock change is refused.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            throw new DomainException($"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it); choose another time.");
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
