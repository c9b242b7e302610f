namespace Digest.Domain.Newsletter;

/// <summary>When the weekly roundup goes out: a day of the week and an hour, in the site's time zone.</summary>
public sealed record RoundupSchedule(DayOfWeek Day, int Hour, TimeZoneInfo Zone)
{
    /// <summary>The latest roundup time at or before <paramref name="nowUtc"/>, in UTC.</summary>
    public DateTime LatestAtOrBefore(DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), Zone);
        var back = ((int)local.DayOfWeek - (int)Day + 7) % 7;
        for (var week = 0; week < 3; week++)
        {
            var candidate = ToUtc(local.Date.AddDays(-back - (7 * week)).AddHours(Hour));
            if (candidate <= nowUtc)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No roundup time in the last three weeks.");
    }

    /// <summary>The first roundup time after <paramref name="nowUtc"/>, in UTC.</summary>
    public DateTime NextAfter(DateTime nowUtc) => LatestAtOrBefore(LatestAtOrBefore(nowUtc).AddDays(8));

    // A local hour skipped by a daylight-saving change happens an hour later; a repeated one, the first time.
    private DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return Zone.IsAmbiguousTime(local)
            ? DateTime.SpecifyKind(local - Zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
