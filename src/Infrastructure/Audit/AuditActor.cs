namespace Digest.Infrastructure.Audit;

/// <summary>
/// Who is acting and from where, as the audit log records it: a dashboard user and the address their request came
/// from, the command line on a host, or a job. <paramref name="UserId"/> is the account's id when there is one.
/// </summary>
public sealed record AuditActor(string Name, string? UserId, string Origin)
{
    /// <summary>An operator running a verb: the log says which account on which machine.</summary>
    public static AuditActor CommandLine() =>
        new($"command line ({Environment.UserName})", null, $"command line on {Environment.MachineName}");

    /// <summary>Work the job server does on its own (a schedule, a recovery), not on anyone's request.</summary>
    public static AuditActor Job(string name) => new(name, null, $"job server on {Environment.MachineName}");
}

/// <summary>
/// The actor of the work in progress, carried along an async flow (like <c>HttpContext</c> through
/// <c>IHttpContextAccessor</c>): set once where a request, a dashboard action, a verb or a job starts, and read
/// wherever an audit entry is written, so services need no extra parameter to say from where a change came.
/// </summary>
public static class AuditContext
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor? Current => Ambient.Value;

    /// <summary>Makes <paramref name="actor"/> current until the returned scope is disposed (call it in the frame that awaits the work).</summary>
    public static Scope Enter(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Scope(previous);
    }

    public readonly struct Scope(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
