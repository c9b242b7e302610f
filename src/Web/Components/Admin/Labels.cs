using System.Globalization;
using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Web.Components.Admin;

/// <summary>How the dashboard names states, times and amounts: in words an editor uses ("In review", not "InReview"),
/// in the site's time zone, with units.</summary>
public static class Labels
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Of(PostStatus status) => status switch
    {
        PostStatus.InReview => "In review",
        _ => status.ToString(),
    };

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Succeeded",
        RunStatus.Skipped => "Skipped",
        _ => "Failed",
    };

    /// <summary>The CSS class of a status badge.</summary>
    public static string Badge(PostStatus status) => "badge status-" + status.ToString().ToLowerInvariant();

    public static string Badge(RunStatus status) => "badge status-" + status.ToString().ToLowerInvariant();

    /// <summary>Reads a status from an address or a form: "Draft", "draft", "InReview", "in-review" and "In review" all work.</summary>
    public static PostStatus? ParseStatus(string? text)
    {
        var compact = text?.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<PostStatus>(compact, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
    }

    /// <summary>"Tue 26 Nov, 05:30" in the zone.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        Convert(utc, zone).ToString("ddd d MMM, HH:mm", English);

    /// <summary>"05:30" when <paramref name="utc"/> falls on <paramref name="today"/> in the zone, else "Tue 26 Nov, 05:30".</summary>
    public static string LocalShort(DateTime utc, TimeZoneInfo zone, DateOnly today)
    {
        var local = Convert(utc, zone);
        return DateOnly.FromDateTime(local) == today ? local.ToString("HH:mm", English) : local.ToString("ddd d MMM, HH:mm", English);
    }

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string ShortDay(DateOnly date) => date.ToString("ddd d MMM", English);

    /// <summary>"in 3 h 20 min", "in 12 min", "in under a minute".</summary>
    public static string Until(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "in under a minute";
        }

        var hours = (int)span.TotalHours;
        var minutes = span.Minutes;
        return hours switch
        {
            0 => $"in {minutes} min",
            >= 48 => $"in {(int)span.TotalDays} days",
            _ when minutes == 0 => $"in {hours} h",
            _ => $"in {hours} h {minutes} min",
        };
    }

    /// <summary>"3 days ago", "26 hours ago".</summary>
    public static string Ago(TimeSpan span) => span.TotalHours < 48 ? $"{(int)span.TotalHours} hours ago" : $"{(int)span.TotalDays} days ago";

    public static string Tokens(long tokens) => tokens == 1 ? "1 token" : tokens.ToString("N0", English) + " tokens";

    /// <summary>"1.25 USD"; small amounts keep up to four decimals so a cheap month does not read as zero.</summary>
    public static string Money(decimal amount, string currency) => Amount(amount) + " " + currency;

    /// <summary>"1.25", or "0.0042" for an amount below one.</summary>
    public static string Amount(decimal amount) =>
        amount is > 0 and < 1 ? amount.ToString("0.00##", English) : amount.ToString("N2", English);

    /// <summary>"Today, 05:30", "Tomorrow, 05:30", else "Tue 8 Dec, 05:30", in the zone.</summary>
    public static string Relative(DateTime utc, TimeZoneInfo zone, DateOnly today)
    {
        var local = Convert(utc, zone);
        var day = DateOnly.FromDateTime(local);
        var time = local.ToString("HH:mm", English);
        return day == today ? $"Today, {time}" : day == today.AddDays(1) ? $"Tomorrow, {time}" : local.ToString("ddd d MMM, HH:mm", English);
    }

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count.ToString("N0", English)} {many}";

    private static DateTime Convert(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
