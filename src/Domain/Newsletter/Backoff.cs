namespace Digest.Domain.Newsletter;

/// <summary>How long to wait before trying again: 1, 2, 4, … minutes, never more than an hour.</summary>
public static class Backoff
{
    public static TimeSpan After(int failures) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Clamp(failures, 1, 7) - 1)));
}
