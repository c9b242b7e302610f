using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Digest.Infrastructure.Generation;

/// <summary>
/// Names the process that writes a run — "host/pid/start-time" — and tells, for a run found Running, whether its
/// process is certainly gone: on this host, no process has that id, or the one that has it started at another
/// time (a restarted container reuses pid 1). A run of another host is judged by its heartbeat alone.
/// </summary>
public static class RunOwner
{
    private static readonly long StartedTicks = ProcessStart(Environment.ProcessId).Ticks ?? 0;

    /// <summary>This process, as a run records it.</summary>
    public static string ThisProcess { get; } = Format(Environment.MachineName, Environment.ProcessId, StartedTicks);

    public static string Format(string host, int pid, long startedTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{startedTicks}");

    /// <summary>True only when the owner is known for certain to be gone; unknown owners (other hosts, old rows) are not.</summary>
    public static bool IsCertainlyGone(string? owner)
    {
        if (owner?.Split('/') is not [var host, var pidText, var ticksText]
            || !string.Equals(host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return !SameStart(ticks, StartedTicks);
        }

        var (exists, started) = ProcessStart(pid);
        return !exists || (started is { } at && !SameStart(ticks, at));
    }

    /// <summary>"host, process 1234" for messages.</summary>
    public static string Describe(string? owner) =>
        owner?.Split('/') is [var host, var pid, _] ? $"{host}, process {pid}" : "an earlier version of Digest";

    // Start times are computed from the boot time and may differ by a few milliseconds between two readings.
    private static bool SameStart(long a, long b) => Math.Abs(a - b) < TimeSpan.TicksPerSecond * 2;

    /// <summary>Whether a process has that id, and when it started when that can be read.</summary>
    private static (bool Exists, long? Ticks) ProcessStart(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return (true, process.StartTime.ToUniversalTime().Ticks);
        }
        catch (ArgumentException)
        {
            return (false, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It exists but cannot be inspected: not certainly gone.
            return (true, null);
        }
    }
}
