using Hangfire.Server;

namespace Digest.Infrastructure.Jobs;

/// <summary>
/// The Hangfire job the current flow is running in (null outside a job), so a generation run can record it and
/// recovery can close the job of a worker that died. Set by a server filter before the job method is invoked, on
/// the same thread and flow (Hangfire waits for a job's task on its worker thread).
/// </summary>
public sealed class CurrentJob : IServerFilter
{
    private static readonly AsyncLocal<string?> Ambient = new();

    public static string? Id => Ambient.Value;

    public void OnPerforming(PerformingContext context) => Ambient.Value = context?.BackgroundJob.Id;

    public void OnPerformed(PerformedContext context) => Ambient.Value = null;
}
