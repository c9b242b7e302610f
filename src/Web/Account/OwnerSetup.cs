using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Account;

/// <summary>
/// The one-time owner setup: while no user exists, the first visitor of /admin may create the owner (an Admin).
/// Once any user exists the setup is gone for good; the answer is remembered so the check costs nothing after.
/// </summary>
public sealed class OwnerSetup(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ownerExists;

    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        if (_ownerExists)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        _ownerExists = await users.Users.AnyAsync(cancellationToken);
        return !_ownerExists;
    }

    /// <summary>Creates the owner, or says why not. Two people submitting at once: only the first wins.</summary>
    public async Task<IdentityResult> CreateOwnerAsync(string email, string displayName, string password, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!await IsOpenAsync(cancellationToken))
            {
                return IdentityResult.Failed(new IdentityError { Code = "OwnerExists", Description = "The owner has already been set up; sign in instead." });
            }

            await using var scope = scopes.CreateAsyncScope();
            var result = await UserAccounts.CreateAsync(scope.ServiceProvider, email, displayName, password, Roles.Admin);
            _ownerExists = result.Succeeded;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
