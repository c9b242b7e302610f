using System.CommandLine;
using Digest.Infrastructure.Hugo;

namespace Digest.Web.CommandLine;

/// <summary><c>export &lt;folder&gt; [--status published|draft|all]</c>: every post as a Hugo Markdown file.</summary>
internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var folder = new Argument<string>("folder") { Description = "Where to write <slug>.md files (created if missing; files of the same name are replaced)." };
        var status = new Option<string>("--status") { Description = "published, draft (everything not published) or all.", DefaultValueFactory = _ => "all" };
        status.AcceptOnlyFromAmong("published", "draft", "all");
        var command = new Command("export", "Export posts as Hugo Markdown with the house front matter.") { folder, status };
        command.SetGuardedAction(async parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(folder)!);
            if (File.Exists(target))
            {
                throw new ArgumentException($"{target} is a file; give a folder to export into.");
            }

            var scope = HugoSiteExporter.ParseScope(parse.GetValue(status));
            await using var services = await context.OpenAsync();
            var exporter = services.ServiceProvider.GetRequiredService<HugoSiteExporter>();
            var count = await exporter.WriteFolderAsync(target, scope, file => context.Out.WriteLine($"  {file.FileName}"));
            await context.Out.WriteLineAsync($"Exported {count} post(s) to {target}.");
            return 0;
        });
        return command;
    }
}
