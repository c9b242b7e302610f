using System.CommandLine;
using System.Globalization;
using Digest.Domain.Generation;
using Digest.Infrastructure.Generation;

namespace Digest.Web.CommandLine;

internal static class GenerateCommand
{
    public static Command Create(CommandContext context)
    {
        var date = new Option<string?>("--date") { Description = "The edition date, yyyy-MM-dd (default: today in the schedule's time zone)." };
        var command = new Command("generate", "Fetch the sources and write the draft of an edition, as the daily job does.") { date };
        command.SetGuardedAction(async parse =>
        {
            DateOnly? edition = null;
            if (parse.GetValue(date) is { } text)
            {
                edition = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new FormatException($"--date \"{text}\" is not a date in the form yyyy-MM-dd.");
            }

            await using var scope = await context.OpenAsync();
            var result = await scope.ServiceProvider.GetRequiredService<DraftGenerator>().GenerateAsync(edition, "command line", CancellationToken.None);
            foreach (var outcome in result.Run.SourceOutcomes)
            {
                await context.Out.WriteLineAsync($"  {(outcome.Succeeded ? "ok  " : "FAIL")} {outcome.Describe()}");
            }

            var run = result.Run;
            await context.Out.WriteLineAsync($"tokens: {run.PromptTokens} prompt + {run.CompletionTokens} completion, estimated cost {run.EstimatedCost:0.####}");
            if (run.Status == RunStatus.Failed)
            {
                await context.Error.WriteLineAsync("error: " + result.Describe());
                return 1;
            }

            await context.Out.WriteLineAsync(result.Describe());
            return 0;
        });
        return command;
    }
}
