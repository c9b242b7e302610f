using System.CommandLine;
using Digest.Domain.Common;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;

namespace Digest.Web.CommandLine;

/// <summary>
/// The operator's verbs: <c>dotnet run --project src/Web -- &lt;verb&gt;</c>. Each runs against the configured
/// database (migrated first), prints what it did, and exits 0, or non-zero with a one-line reason.
/// </summary>
public static class DigestCommands
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("Digest: the daily AI digest that humans stand behind. Without a verb, the program serves the site.");
        var context = new CommandContext(app.Services, Console.Out, Console.Error);
        root.Subcommands.Add(Verb("migrate", "Apply database migrations and exit.", _ => context.MigrateOnlyAsync()));
        root.Subcommands.Add(UserCommands.Create(context));
        root.Subcommands.Add(SourceCommands.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(PostCommands.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(SubscriberCommands.Create(context));
        root.Subcommands.Add(NewsletterCommands.Create(context));
        root.Subcommands.Add(PublicBench.SeedPostsCommand.Create(context));
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>A verb whose action gets a fresh scope; domain and input errors become a one-line message and exit code 1.</summary>
    internal static Command Verb(string name, string description, Func<ParseResult, Task<int>> action)
    {
        var command = new Command(name, description);
        command.SetAction(async (parseResult, _) => await Guard(action, parseResult));
        return command;
    }

    internal static void SetGuardedAction(this Command command, Func<ParseResult, Task<int>> action) =>
        command.SetAction(async (parseResult, _) => await Guard(action, parseResult));

    private static async Task<int> Guard(Func<ParseResult, Task<int>> action, ParseResult parseResult)
    {
        // What a verb changes is audited as the operator's account on this machine.
        using var acting = AuditContext.Enter(AuditActor.CommandLine());
        try
        {
            return await action(parseResult);
        }
        catch (Exception ex) when (ex is DomainException or PostNotFoundException or EditConflictException or InvalidOperationException or FormatException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>What every verb needs: services (a scope per verb, database migrated first) and where to write.</summary>
internal sealed class CommandContext(IServiceProvider services, TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    public async Task<AsyncServiceScope> OpenAsync()
    {
        var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return scope;
    }

    public async Task<int> MigrateOnlyAsync()
    {
        await using var scope = await OpenAsync();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        await Out.WriteLineAsync($"The {database.Provider} database is up to date.");
        return 0;
    }
}
