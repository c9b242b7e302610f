using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

/// <summary>
/// A sign-in attempt that tells a stranger nothing: an unknown email, a wrong password and a locked account get the
/// same answer (<see cref="Refusal"/>) after the same work (a password hash is always verified), so neither the
/// words nor the time say whether an account exists or is locked. The lock-out still holds, and it is audited:
/// when an account gets locked, each attempt while it is, and each sign-in.
/// </summary>
public sealed class SignInAttempts(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    DigestDbContext db,
    TimeProvider clock,
    ILogger<SignInAttempts> logger)
{
    public const string Refusal = "That email and password do not match an account that can sign in now. After five wrong passwords in a row, an account waits 15 minutes.";

    private static readonly ApplicationUser Nobody = new();
    private static string? _nobodysHash;

    public async Task<bool> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            SpendTheSameTime(password);
            logger.LogInformation("Sign-in refused: no account for the email given");
            return false;
        }

        using var acting = AuditContext.Enter(new AuditActor(user.UserName ?? user.Id, user.Id, AuditContext.Current?.Origin ?? "unknown address"));
        var subject = AuditSubject.User(user.Id, user.Email);
        if (await users.IsLockedOutAsync(user))
        {
            SpendTheSameTime(password);
            await AuditAsync(AuditActions.SignInRefusedLocked, subject, $"refused: locked until {(await users.GetLockoutEndDateAsync(user))?.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync(AuditActions.SignedIn, subject, null);
            return true;
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("{User} is locked out after repeated failed sign-ins", user.Email);
            await AuditAsync(AuditActions.LockedOutBySignIns, subject, "locked after repeated wrong passwords");
        }

        return false;
    }

    /// <summary>Verifies the password against a hash that matches nothing, so an unknown or locked account answers as slowly as a real one.</summary>
    private void SpendTheSameTime(string password)
    {
        _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
    }

    private async Task AuditAsync(string action, AuditSubject subject, string? details)
    {
        db.Audit(clock, action, subject, details);
        await db.SaveChangesAsync();
    }
}
