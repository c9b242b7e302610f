using System.CommandLine;
using System.Globalization;
using System.Text;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Newsletter.Managing;

namespace Digest.Web.CommandLine;

/// <summary><c>subscribers list|import|export|remove</c>: the newsletter's list, from the command line.</summary>
internal static class SubscriberCommands
{
    private const string Actor = "command line";

    public static Command Create(CommandContext context) =>
        new("subscribers", "List, import, export and remove newsletter subscribers.") { List(context), Import(context), Export(context), Remove(context) };

    private static Command List(CommandContext context)
    {
        var status = new Option<SubscriberStatus?>("--status") { Description = "Only subscribers with this status: Pending, Active, Unsubscribed or Bounced." };
        var search = new Option<string?>("--search") { Description = "Only addresses containing this text." };
        var command = new Command("list", "List subscribers, by address.") { status, search };
        command.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var directory = scope.ServiceProvider.GetRequiredService<SubscriberDirectory>();
            var total = 0;
            for (var page = 1; ; page++)
            {
                var result = await directory.SearchAsync(parse.GetValue(search), parse.GetValue(status), page);
                foreach (var s in result.Rows)
                {
                    var since = (s.Status switch
                    {
                        SubscriberStatus.Unsubscribed => s.UnsubscribedAt,
                        SubscriberStatus.Bounced => s.BouncedAt,
                        SubscriberStatus.Active => s.ConfirmedAt,
                        _ => s.CreatedAt,
                    }) ?? s.CreatedAt;
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Email,-40} {s.Status,-12} {s.Frequency,-7} since {since:yyyy-MM-dd}{(s.LastFailure is null ? "" : "  last refusal: " + s.LastFailure)}"));
                }

                total = result.Total;
                if (page >= result.PageCount)
                {
                    break;
                }
            }

            await context.Out.WriteLineAsync($"{total} subscriber(s)");
            return 0;
        });
        return command;
    }

    private static Command Import(CommandContext context)
    {
        var file = new Argument<string>("csv") { Description = "A CSV file with a header row and an \"email\" column (an optional \"frequency\" column says daily or weekly)." };
        var command = new Command("import", "Add subscribers from a CSV file as active (you vouch for their consent). Never re-subscribes anyone who unsubscribed, bounced or was removed.") { file };
        command.SetGuardedAction(async parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"There is no file at {path}.");
            }

            await using var scope = await context.OpenAsync();
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var report = await scope.ServiceProvider.GetRequiredService<SubscriberCsv>().ImportAsync(reader, Actor);
            await context.Out.WriteLineAsync($"Imported {path}: {report.Describe()}.");
            if (report.Problems.Count == 0)
            {
                return 0;
            }

            await context.Error.WriteLineAsync($"error: {report.Problems.Count} line(s) were not imported:");
            foreach (var problem in report.Problems.Take(100))
            {
                await context.Error.WriteLineAsync("  " + problem);
            }

            if (report.Problems.Count > 100)
            {
                await context.Error.WriteLineAsync($"  … and {report.Problems.Count - 100} more");
            }

            return 1;
        });
        return command;
    }

    private static Command Export(CommandContext context)
    {
        var file = new Argument<string>("csv") { Description = "Where to write the CSV (replaced if it exists)." };
        var command = new Command("export", "Write every subscriber, whatever their status, to a CSV file.") { file };
        command.SetGuardedAction(async parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder))
            {
                throw new ArgumentException($"There is no folder {folder} to write {Path.GetFileName(path)} in.");
            }

            await using var scope = await context.OpenAsync();
            // Written next to the target and moved over it: an interrupted export never leaves half a file behind.
            var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            int count;
            try
            {
                await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
                {
                    count = await scope.ServiceProvider.GetRequiredService<SubscriberCsv>().ExportAsync(writer);
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            await context.Out.WriteLineAsync($"Exported {count} subscriber(s) to {path}.");
            return 0;
        });
        return command;
    }

    private static Command Remove(CommandContext context)
    {
        var email = new Argument<string>("email") { Description = "The address to delete (on its owner's request)." };
        var command = new Command("remove", "Delete a subscriber and what was sent to them, keeping only a hash of the address so no import adds it again.") { email };
        command.SetGuardedAction(async parse =>
        {
            var address = EmailAddress.Parse(parse.GetValue(email));
            await using var scope = await context.OpenAsync();
            var removed = await scope.ServiceProvider.GetRequiredService<SubscriberDirectory>().RemoveAsync(address, Actor);
            await context.Out.WriteLineAsync(removed
                ? $"Removed {address}: only a hash of the address is kept, so no import adds it again."
                : $"{address} was not a subscriber; it is now suppressed all the same, so no import adds it.");
            return 0;
        });
        return command;
    }
}
