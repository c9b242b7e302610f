using System.CommandLine;
using Digest.Infrastructure.Ingestion;

namespace Digest.Web.CommandLine;

internal static class IngestCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("ingest", "Fetch every due source once and store its items, as the hourly job does. Fails only when every source failed.");
        command.SetGuardedAction(async _ =>
        {
            await using var scope = await context.OpenAsync();
            var outcomes = await scope.ServiceProvider.GetRequiredService<SourceIngester>().IngestAllAsync(CancellationToken.None);
            foreach (var outcome in outcomes)
            {
                await context.Out.WriteLineAsync($"  {(outcome.Failed ? "FAIL" : "ok  ")} {outcome.Describe()}");
            }

            if (outcomes.Count == 0)
            {
                await context.Out.WriteLineAsync("No source is enabled.");
                return 0;
            }

            var failed = outcomes.Count(o => o.Failed);
            if (failed == outcomes.Count)
            {
                await context.Error.WriteLineAsync($"error: all {failed} sources failed.");
                return 1;
            }

            await context.Out.WriteLineAsync($"{outcomes.Count - failed} of {outcomes.Count} sources read, {outcomes.Sum(o => o.NewItems)} new items.");
            return 0;
        });
        return command;
    }
}
