using System.CommandLine;
using Digest.Infrastructure.Hugo;

namespace Digest.Web.CommandLine;

/// <summary><c>import &lt;folder-or-zip&gt; [--base-url https://old.blog]</c>: one line per file as it goes, then the summary.</summary>
internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var path = new Argument<string>("path") { Description = "A folder of Hugo Markdown files (searched recursively) or a .zip of them." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The old blog's baseURL; imported posts keep the RSS guids it gave them, so subscribers are not notified again." };
        var command = new Command("import", "Import Hugo posts (the old blog's archive). Importing the same files again changes nothing.") { path, baseUrl };
        command.SetGuardedAction(async parse =>
        {
            var source = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(source) && !File.Exists(source))
            {
                throw new ArgumentException($"There is no file or folder at {source}.");
            }

            var url = parse.GetValue(baseUrl);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                throw new ArgumentException($"--base-url \"{url}\" is not an http(s) address such as https://old.blog/.");
            }

            await using var scope = await context.OpenAsync();
            var importer = scope.ServiceProvider.GetRequiredService<HugoImporter>();
            await context.Out.WriteLineAsync($"Importing {source}");
            var done = 0;
            HugoImportReport report;
            await using (var zip = Directory.Exists(source) ? null : File.OpenRead(source))
            {
                var entries = zip is null ? HugoArchiveReader.ReadFolder(source) : HugoArchiveReader.ReadZip(zip);
                report = await importer.ImportAsync(entries, new HugoImportOptions(url), item =>
                {
                    done++;
                    context.Out.WriteLine($"{done,5}  {item.Describe()}");
                    foreach (var note in item.Outcome == HugoImportOutcome.Unchanged ? [] : item.Notes)
                    {
                        context.Out.WriteLine($"         note: {note}");
                    }
                });
            }

            await context.Out.WriteLineAsync(report.Summary);
            if (!report.HasFailures)
            {
                return 0;
            }

            await context.Error.WriteLineAsync($"error: {report.Failed} file(s) were not imported:");
            foreach (var failure in report.Failures)
            {
                await context.Error.WriteLineAsync($"  {failure.FileName}: {failure.Reason}");
            }

            return 1;
        });
        return command;
    }
}
