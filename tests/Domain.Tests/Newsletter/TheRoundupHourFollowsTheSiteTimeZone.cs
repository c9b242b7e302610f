using Digest.Domain.Newsletter;

namespace Digest.Domain.Tests.Newsletter;

public sealed class TheRoundupHourFollowsTheSiteTimeZone
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void The_latest_roundup_time_is_the_last_set_day_and_hour_in_the_zone()
    {
        var schedule = new RoundupSchedule(DayOfWeek.Sunday, 8, Berlin);
        // Sunday 29 Nov 2026, 08:00 in Berlin (winter time, UTC+1) is 07:00 UTC.
        Assert.Equal(Utc(2026, 11, 22, 7), schedule.LatestAtOrBefore(Utc(2026, 11, 29, 6, 59)));
        Assert.Equal(Utc(2026, 11, 29, 7), schedule.LatestAtOrBefore(Utc(2026, 11, 29, 7)));
        Assert.Equal(Utc(2026, 11, 29, 7), schedule.NextAfter(Utc(2026, 11, 26, 12)));
        Assert.Equal(Utc(2026, 12, 6, 7), schedule.NextAfter(Utc(2026, 11, 29, 7)));
    }

    [Fact]
    public void Daylight_saving_changes_keep_the_local_hour()
    {
        var schedule = new RoundupSchedule(DayOfWeek.Sunday, 8, Berlin);
        // Summer time starts on 29 March 2026: 08:00 in Berlin is 06:00 UTC from then on.
        Assert.Equal(Utc(2026, 3, 29, 6), schedule.NextAfter(Utc(2026, 3, 22, 7, 30)));
        // An hour that does not exist that night (02:00 → 03:00) is sent at 03:00 local time.
        var night = new RoundupSchedule(DayOfWeek.Sunday, 2, Berlin);
        Assert.Equal(Utc(2026, 3, 29, 1), night.NextAfter(Utc(2026, 3, 28, 12)));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
