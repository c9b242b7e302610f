using System.CommandLine;
using System.IO.Compression;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>import &lt;hugo-site-root | posts-folder | zip&gt; [--base-url https://old.blog]</c>. Given a Hugo site's root (the
/// folder with its config file), the base URL, permalinks, rssLimit and posts folder come from the site's own
/// configuration, so feed guids stay what the old feed published; the command says which base URL it used and what
/// the guids look like. Given a folder of posts or a zip, it warns when the base URL is unknown.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var path = new Argument<string>("path") { Description = "A Hugo site's root folder (with hugo.toml/config.toml/yaml/json), a folder of Hugo Markdown files (searched recursively), or a .zip of them." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The old blog's baseURL, when the site's config does not say it (or says it wrong); imported posts keep the RSS guids it gave them, so subscribers are not notified again." };
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

            var site = Directory.Exists(source) && HugoSiteConfig.FindConfigFile(source) is not null ? ReadSite(source) : null;
            var options = site?.ToOptions(url) ?? new HugoImportOptions(url) { SourceName = source };
            var folder = site?.PostsFolder ?? source;
            await DescribeAsync(context, source, site, options);

            await using var scope = await context.OpenAsync();
            var importer = scope.ServiceProvider.GetRequiredService<HugoImporter>();
            HugoImportReport report;
            await using (var zip = Directory.Exists(folder) ? null : File.OpenRead(folder))
            {
                var progress = new ImportProgress(context.Out, CountPosts(folder, zip), interactive: ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected);
                var entries = zip is null ? HugoArchiveReader.ReadFolder(folder) : HugoArchiveReader.ReadZip(zip);
                report = await importer.ImportAsync(entries, options, progress.Report);
                progress.Finish();
            }

            await context.Out.WriteLineAsync(report.Summary);
            await ReportGuidsAsync(context, scope.ServiceProvider.GetRequiredService<DigestDbContext>(), options);
            if (site is not null)
            {
                var length = await scope.ServiceProvider.GetRequiredService<HugoFeedLength>().ApplyAsync(site.RssLimit, "import");
                await context.Out.WriteLineAsync(length == 0
                    ? $"Feeds: every post, as the old site served them ({Path.GetFileName(site.ConfigFile)} sets no rssLimit)."
                    : $"Feeds: the newest {length} posts, as the old site served them (rssLimit in {Path.GetFileName(site.ConfigFile)}).");
            }

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

    private static HugoSiteConfig ReadSite(string root)
    {
        try
        {
            return HugoSiteConfig.Read(root);
        }
        catch (HugoFormatException e)
        {
            throw new ArgumentException(e.Message);
        }
    }

    private static async Task DescribeAsync(CommandContext context, string source, HugoSiteConfig? site, HugoImportOptions options)
    {
        if (site is null)
        {
            await context.Out.WriteLineAsync($"Importing {source}");
            if (options.OldBaseUrl is null)
            {
                await context.Error.WriteLineAsync(
                    "warning: the old blog's base URL is unknown, so imported posts get new feed guids and feed readers will show them " +
                    "again as new. Import the Hugo site's root folder (with its config file) or pass --base-url https://old.blog/.");
            }

            return;
        }

        var config = Path.GetFileName(site.ConfigFile);
        await context.Out.WriteLineAsync($"Importing the Hugo site at {site.Root} ({config})");
        await context.Out.WriteLineAsync($"Posts: {Path.GetRelativePath(site.Root, site.PostsFolder)}");
        await context.Out.WriteLineAsync($"Permalinks: {site.Permalink ?? $"/{site.Section}/<file name or slug>/ (Hugo's default)"}");
        var from = options.OldBaseUrl == site.BaseUrl ? $"baseURL in {config}" : "--base-url";
        if (options.OldBaseUrl is null)
        {
            await context.Error.WriteLineAsync($"warning: {config} has no absolute baseURL, so the old feed's guids cannot be kept; pass --base-url https://old.blog/.");
        }
        else
        {
            await context.Out.WriteLineAsync($"Base URL: {options.OldBaseUrl} (from {from})");
        }
    }

    private static async Task ReportGuidsAsync(CommandContext context, DigestDbContext db, HugoImportOptions options)
    {
        if (options.OldBaseUrl is null)
        {
            return;
        }

        var example = await db.Posts.AsNoTracking().Where(p => p.Origin == PostOrigin.Imported && p.FeedId.StartsWith("http"))
            .OrderByDescending(p => p.Date).Select(p => p.FeedId).FirstOrDefaultAsync();
        if (example is not null)
        {
            await context.Out.WriteLineAsync($"Feed guids: the old permalinks, e.g. {example}");
        }
    }

    /// <summary>How many Markdown files the bar counts to (a cheap listing, before anything is read).</summary>
    private static int CountPosts(string folder, Stream? zip)
    {
        static bool IsPost(string name) => (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
            && !Path.GetFileName(name).StartsWith("_index.", StringComparison.OrdinalIgnoreCase);
        if (zip is null)
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(IsPost);
        }

        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            return archive.Entries.Count(e => IsPost(e.FullName));
        }
        catch (InvalidDataException)
        {
            return 0;
        }
        finally
        {
            zip.Position = 0;
        }
    }
}
