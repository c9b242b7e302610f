using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Digest.Web.Account;

/// <summary>
/// Guards one dashboard circuit (one per browser tab). Before any inbound activity — a click, a keystroke bound to a
/// field, a JS call, a navigation — reaches a page, the user is checked against the database (<see cref="AccessCheck"/>):
/// after a role change, lock-out, password reset or deletion nothing more reaches any page, on every screen, without
/// each page having to remember. The circuit is then sent to the sign-in page, which says why; circuits with
/// nothing to do are told too, by <see cref="OpenCircuits"/>.
/// <para>
/// Activities are let through one at a time, in the order they arrived, and never on the connection's own message
/// loop: the hub hands each one over and goes on reading (so a dropped connection is noticed as soon as it drops,
/// and a circuit the server does not keep is let go and later resumed, as without the guard), while keystrokes still
/// reach the page in the order they were typed, whichever check answers first. Each activity passes only after a
/// database check that began after it arrived; one check covers everything that arrived before it began, so a burst
/// of typing (an event, a render acknowledgement and a storage reply per key) costs two or three queries, not one
/// per message.
/// </para>
/// </summary>
public sealed class CircuitAccessGuard(
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IServiceScopeFactory scopes,
    OpenCircuits registry,
    IHttpContextAccessor http,
    ILogger<CircuitAccessGuard> logger) : CircuitHandler
{
    /// <summary>What the sign-in page is told when a circuit was sent there.</summary>
    public const string SignedOutReason = "access-changed";

    private readonly Lock _arrival = new();
    private SynchronizationContext? _dispatcher;
    private ClaimsPrincipal? _user;
    private int _revoked;
    private int _closed;

    // Guarded by _arrival: the number of activities that have arrived, and the turn of the last one (done once it
    // was handed on or dropped); the next waits for it.
    private long _arrived;
    private Task _lastTurn = Task.CompletedTask;

    // Only touched in turn: activities numbered up to this one were covered by a check that began after they arrived.
    private long _checkedUpTo;

    public bool IsRevoked => Volatile.Read(ref _revoked) == 1;

    /// <summary>
    /// Where the circuit's connection comes from, for the audit log. The guard is made while the hub starts the
    /// circuit, on the connection's request, which is the one moment its address can be read.
    /// </summary>
    public string Origin { get; } = http.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : "dashboard";

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // Circuit events run on the circuit's dispatcher; a check from the timer has to get back onto it to navigate.
        _dispatcher = SynchronizationContext.Current;
        if ((await UserAsync()).UserId() is { } id)
        {
            registry.Add(this, id);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _closed, 1);
        registry.Remove(this);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task previous;
            long number;
            lock (_arrival)
            {
                number = ++_arrived;
                previous = _lastTurn;
                _lastTurn = turn.Task;
            }

            return PassInTurnAsync(context, next, number, previous, turn);
        };

    // No ConfigureAwait(false) here: an activity that arrives on the circuit's dispatcher (adding the page's root
    // components) has to be handed on there.
    private async Task PassInTurnAsync(
        CircuitInboundActivityContext context, Func<CircuitInboundActivityContext, Task> next, long number, Task previous, TaskCompletionSource turn)
    {
        Task? passed = null;
        try
        {
            await previous;
            if (Volatile.Read(ref _closed) == 1)
            {
                // The circuit is gone (e.g. let go after its connection dropped): what was still on its way reaches nothing.
                return;
            }

            if (await AllowedAsync(number))
            {
                // Hands the activity to the circuit's dispatcher queue, which keeps this order; the activity itself
                // (a render, an event handler awaiting the browser) runs on without holding up the next one's check.
                passed = next(context);
            }
        }
        finally
        {
            turn.SetResult();
        }

        if (passed is not null)
        {
            await passed;
            return;
        }

        // Dropped: the page never sees it. A circuit that cannot be sent away yet (refused before it opened) is ended.
        if (!Leave())
        {
            throw new DashboardAccessDeniedException("This dashboard connection's sign-in is no longer good.", revoked: true);
        }
    }

    /// <summary>Whether activity <paramref name="number"/> may pass: checked by a query that began after it arrived.</summary>
    private async Task<bool> AllowedAsync(long number)
    {
        if (IsRevoked)
        {
            return false;
        }

        if (number <= _checkedUpTo)
        {
            return true;
        }

        long covers;
        lock (_arrival)
        {
            covers = _arrived;
        }

        // Off the connection's message loop: SQLite answers EF Core's async queries synchronously, which would hold up
        // every message behind this one, the connection's end included.
        if (!await Task.Run(IsStillAllowedAsync))
        {
            return false;
        }

        _checkedUpTo = covers;
        return true;
    }

    /// <summary>Checks the user now; sends the circuit away when their access was revoked.</summary>
    internal async Task RecheckAsync()
    {
        if (!IsRevoked && !await IsStillAllowedAsync())
        {
            Leave();
        }
    }

    private async Task<bool> IsStillAllowedAsync()
    {
        var user = await UserAsync();
        await using var scope = scopes.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<AccessCheck>().CheckAsync(user);
        if (verdict.Allowed)
        {
            return true;
        }

        logger.LogInformation("Dashboard circuit of {User} refused: {Reason}", user.Identity?.Name ?? "(anonymous)", verdict.Refusal);
        Interlocked.Exchange(ref _revoked, 1);
        return false;
    }

    private async Task<ClaimsPrincipal> UserAsync() => _user ??= (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Sends the browser to the sign-in page (a full load, so the dead cookie is dropped there); false when it cannot yet.</summary>
    private bool Leave()
    {
        registry.Remove(this);
        if (_dispatcher is not { } dispatcher)
        {
            return false;
        }

        var returnUrl = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        var target = $"/account/login?reason={SignedOutReason}&returnUrl={Uri.EscapeDataString(returnUrl)}";
        dispatcher.Post(_ =>
        {
            try
            {
                navigation.NavigateTo(target, forceLoad: true);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogDebug(ex, "The circuit could not be sent to sign in; it stays refused");
            }
        }, null);
        return true;
    }
}
