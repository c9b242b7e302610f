using System.CommandLine;
using System.Globalization;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;

namespace Digest.Web.CommandLine;

internal static class SourceCommands
{
    public static Command Create(CommandContext context) =>
        new("sources", "List, add, test, enable and disable sources.")
        {
            List(context), Add(context), Test(context), Switch(context, "enable", true), Switch(context, "disable", false),
        };

    private static Command List(CommandContext context)
    {
        var list = new Command("list", "List sources with their health: last fetch, items stored, last error, back-off.");
        list.SetGuardedAction(async _ =>
        {
            await using var scope = await context.OpenAsync();
            var sources = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().ListAsync();
            foreach (var (source, items, health) in sources)
            {
                await context.Out.WriteLineAsync(Invariant($"{source.Id}  {(source.Enabled ? "on " : "off")}  {source.Kind,-10} {source.Role,-8} weight {source.Weight:0.##}  {source.Name}  {source.Url}"));
                var fetched = health.LastFetchedAt is { } at ? Invariant($" · last fetch {at:yyyy-MM-dd HH:mm} UTC") : "";
                await context.Out.WriteLineAsync($"    {items} items{fetched} · {health.Describe()}");
                if (health.LastError is { } error)
                {
                    await context.Out.WriteLineAsync($"    last error: {error}");
                }
            }

            await context.Out.WriteLineAsync($"{sources.Count} source(s)");
            return 0;
        });
        return list;
    }

    private static Command Add(CommandContext context)
    {
        var url = new Option<string>("--url") { Description = "The feed or listing address (http or https).", Required = true };
        var name = new Option<string?>("--name") { Description = "How the source is credited (default: the host name)." };
        var kind = KindOption("detected from the URL or, when it does not tell, from the fetched content");
        var role = new Option<SourceRole>("--role") { Description = "What its items are used for: topics, trending or both.", DefaultValueFactory = _ => SourceRole.Both };
        var weight = new Option<double>("--weight") { Description = "Ranking weight, above 0 and at most 10.", DefaultValueFactory = _ => 1.0 };
        var add = new Command("add", "Add a source.") { url, name, kind, role, weight };
        add.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var (source, preview) = await scope.ServiceProvider.GetRequiredService<SourceCatalog>()
                .AddAsync(new SourceInput(parse.GetValue(url)!, parse.GetValue(kind), parse.GetValue(name), parse.GetValue(role), parse.GetValue(weight)));
            var detected = preview is null ? "" : $" (detected from its content: {preview.Items.Count} items read)";
            await context.Out.WriteLineAsync($"Added {source.Kind} source \"{source.Name}\" ({source.Id}){detected}.");
            return 0;
        });
        return add;
    }

    private static Command Test(CommandContext context)
    {
        var target = new Argument<string>("id-or-url") { Description = "A stored source (id or name) or any address." };
        var kind = KindOption("the stored kind, or detected");
        var test = new Command("test", "Fetch a source now and print what would be stored, without storing it.") { target, kind };
        test.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var preview = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().TestAsync(parse.GetValue(target)!, parse.GetValue(kind));
            if (preview.Result.Failed)
            {
                await context.Error.WriteLineAsync($"error: {preview.Url} ({preview.Kind}): {preview.Result.Error}");
                return 1;
            }

            await context.Out.WriteLineAsync($"{preview.Url} read as {preview.Kind}: {preview.Items.Count} item(s); nothing was stored.");
            foreach (var item in preview.Items)
            {
                await context.Out.WriteLineAsync(item.Title);
                await context.Out.WriteLineAsync($"    {item.CanonicalUrl}");
                await context.Out.WriteLineAsync($"    {Describe(item)}");
            }

            return 0;
        });
        return test;
    }

    private static Command Switch(CommandContext context, string verb, bool enabled)
    {
        var target = new Argument<string>("id-or-name") { Description = "The source's id, name or address." };
        var command = new Command(verb, enabled ? "Read a source again." : "Stop reading a source (its items stay).") { target };
        command.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var source = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SetEnabledAsync(parse.GetValue(target)!, enabled);
            await context.Out.WriteLineAsync($"{(enabled ? "Enabled" : "Disabled")} \"{source.Name}\" ({source.Id}).");
            return 0;
        });
        return command;
    }

    private static Option<SourceKind?> KindOption(string whenOmitted) => new("--kind")
    {
        Description = $"rss, atom, jsonfeed, feed (any of those, found from the content), reddit, hackernews or arxiv; {whenOmitted} when omitted.",
    };

    private static string Describe(PreviewItem item)
    {
        var parts = new List<string>
        {
            item.Score is { } score ? $"score {score}" : "no score",
            item.Comments is { } comments ? $"{comments} comments" : "no comment count",
            item.PublishedAt is { } published ? Invariant($"published {published:yyyy-MM-dd HH:mm} UTC") : "no date",
        };
        if (item.Flair is { } flair)
        {
            parts.Add($"flair {flair}");
        }

        return string.Join(" · ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
