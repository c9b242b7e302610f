using System.CommandLine;
using Digest.Infrastructure.Identity;
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

        return new Command("users", "Manage dashboard users.") { add };
    }
}
