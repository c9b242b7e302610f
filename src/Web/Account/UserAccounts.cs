using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

/// <summary>Creating a dashboard user, shared by the owner setup, the Users screen and the `users add` command.</summary>
public static class UserAccounts
{
    /// <param name="displayName">The public name readers see on posts the user approves (<see cref="DisplayNames"/>).</param>
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string email, string displayName, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return Failed("UnknownRole", $"Unknown role \"{role}\"; use Admin or Editor.");
        }

        if (DisplayNames.Problem(displayName) is { } problem)
        {
            return Failed("DisplayName", problem);
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = DisplayNames.Normalize(displayName) };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return await users.AddToRoleAsync(user, role);
    }

    internal static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
