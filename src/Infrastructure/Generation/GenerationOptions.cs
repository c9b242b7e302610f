using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Generation;

/// <summary>How generation runs hold their edition and how dead ones are found: <c>Digest:Generation</c>.</summary>
public sealed record GenerationOptions
{
    public const string SectionName = "Digest:Generation";

    /// <summary>How often a running generation says it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A run that has not said so for this long is taken for dead (its process froze or lost the database).</summary>
    public TimeSpan LeaseTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the job server looks for runs whose owner died (and once at start-up).</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The whole run's deadline: sections not written by then are left empty for the editor with a note, and the
    /// draft is stored with what was written. With the default, a run whose model never answers ends within 5 minutes.
    /// </summary>
    public TimeSpan RunDeadline { get; init; } = TimeSpan.FromMinutes(4.5);

    public static GenerationOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var defaults = new GenerationOptions();
        return new GenerationOptions
        {
            HeartbeatInterval = Duration(section["HeartbeatInterval"]) ?? defaults.HeartbeatInterval,
            LeaseTimeout = Duration(section["LeaseTimeout"]) ?? defaults.LeaseTimeout,
            RecoveryInterval = Duration(section["RecoveryInterval"]) ?? defaults.RecoveryInterval,
            RunDeadline = Duration(section["RunDeadline"]) ?? defaults.RunDeadline,
        };
    }

    /// <summary>"90" is 90 seconds; "00:04:30" is a TimeSpan. Zero, negative or unreadable values keep the default.</summary>
    internal static TimeSpan? Duration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
