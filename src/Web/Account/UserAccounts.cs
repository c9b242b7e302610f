using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

/// <summary>Creating a dashboard user, shared by the owner setup and the `users add` command.</summary>
public static class UserAccounts
{
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string email, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"Unknown role \"{role}\"; use Admin or Editor." });
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return await users.AddToRoleAsync(user, role);
    }
}
