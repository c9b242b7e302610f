using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Digest.Web.Account;

/// <summary>
/// The dashboard circuits open in this process, by user. A change an admin makes here tells the user's circuits at
/// once (<see cref="RecheckAsync"/>); changes made elsewhere (another instance, the command line) reach them within
/// <see cref="AccessOptions.CircuitCheckInterval"/>, when every open circuit is checked against the database.
/// </summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<CircuitAccessGuard, string> _open = new();

    internal void Add(CircuitAccessGuard circuit, string userId) => _open[circuit] = userId;

    internal void Remove(CircuitAccessGuard circuit) => _open.TryRemove(circuit, out _);

    public int Count => _open.Count;

    /// <summary>Checks the open circuits of <paramref name="userId"/> now (all of them when null).</summary>
    public async Task RecheckAsync(string? userId = null)
    {
        foreach (var (circuit, owner) in _open)
        {
            if (userId is null || owner == userId)
            {
                await circuit.RecheckAsync();
            }
        }
    }
}

/// <summary>Settings of <c>Digest:Access</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Digest:Access";

    /// <summary>How often open circuits are checked for changes made by another instance or the command line.</summary>
    public TimeSpan CircuitCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Checks every open circuit on a timer, for changes this process did not make itself.</summary>
internal sealed class OpenCircuitsMonitor(OpenCircuits circuits, IOptions<AccessOptions> options, TimeProvider clock, ILogger<OpenCircuitsMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CircuitCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (circuits.Count == 0)
            {
                continue;
            }

            try
            {
                await circuits.RecheckAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking the open dashboard circuits failed");
            }
        }
    }
}

internal static class PrincipalIds
{
    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);
}
