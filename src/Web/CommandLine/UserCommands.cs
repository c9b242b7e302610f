using System.CommandLine;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Digest.Web.Account;

namespace Digest.Web.CommandLine;

internal static class UserCommands
{
    public static Command Create(CommandContext context)
    {
        var email = new Option<string>("--email") { Description = "The user's email, also their sign-in name.", Required = true };
        var name = new Option<string>("--name") { Description = "The public name readers see on posts the user approves (not an email address).", Required = true };
        var password = new Option<string>("--password") { Description = "At least 10 characters.", Required = true };
        var role = new Option<string>("--role") { Description = "Admin or Editor.", DefaultValueFactory = _ => Roles.Editor };
        role.AcceptOnlyFromAmong([.. Roles.All]);

        var add = new Command("add", "Create a dashboard user.") { email, name, password, role };
        add.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var result = await UserAccounts.CreateAsync(scope.ServiceProvider, parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(password)!, parse.GetValue(role)!);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync("error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                return 1;
            }

            await context.Out.WriteLineAsync($"Created {parse.GetValue(role)} {parse.GetValue(email)}, shown to readers as \"{DisplayNames.Normalize(parse.GetValue(name))}\".");
            return 0;
        });

        return new Command("users", "Manage dashboard users.") { add, SetPassword(context), Delete(context) };
    }

    private static Command SetPassword(CommandContext context)
    {
        var email = new Option<string>("--email") { Description = "The user's email.", Required = true };
        var password = new Option<string>("--password") { Description = "The new password, at least 10 characters.", Required = true };
        var command = new Command("set-password", "Give a user a new password; their sessions end at once.") { email, password };
        command.SetGuardedAction(parse => ChangeAsync(context, parse.GetValue(email)!, "has a new password; their sessions have ended",
            (admin, user) => admin.ResetPasswordAsync(user.Id, parse.GetValue(password)!, AuditContext.Current!.Name)));
        return command;
    }

    private static Command Delete(CommandContext context)
    {
        var email = new Option<string>("--email") { Description = "The user's email.", Required = true };
        var command = new Command("delete", "Delete a user for good; their sessions end at once. The last admin cannot be deleted.") { email };
        command.SetGuardedAction(parse => ChangeAsync(context, parse.GetValue(email)!, "was deleted",
            (admin, user) => admin.DeleteAsync(user.Id, AuditContext.Current!.Name, byUserId: null)));
        return command;
    }

    private static async Task<int> ChangeAsync(CommandContext context, string email, string done, Func<UserAdministration, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = await context.OpenAsync();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await context.Error.WriteLineAsync($"error: no user has the email {email}.");
            return 1;
        }

        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), user);
        if (!result.Succeeded)
        {
            await context.Error.WriteLineAsync("error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await context.Out.WriteLineAsync($"{user.Email} {done}.");
        return 0;
    }
}
