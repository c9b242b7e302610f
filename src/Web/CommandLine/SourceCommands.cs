using System.CommandLine;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Sources;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.CommandLine;

internal static class SourceCommands
{
    public static Command Create(CommandContext context)
    {
        var list = new Command("list", "List sources with their health.");
        list.SetGuardedAction(async _ =>
        {
            await using var scope = await context.OpenAsync();
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync();
            var counts = await db.SourceItems.GroupBy(i => i.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            foreach (var s in sources)
            {
                var health = s.LastError is null
                    ? s.LastSucceededAt is { } ok ? $"ok, last fetched {ok:yyyy-MM-dd HH:mm} UTC" : "never fetched"
                    : $"failing ({s.ConsecutiveFailures}x, retry after {s.RetryAfter:yyyy-MM-dd HH:mm} UTC): {s.LastError}";
                await context.Out.WriteLineAsync(
                    $"{s.Id}  {(s.Enabled ? "on " : "off")}  {s.Kind,-10} {s.Role,-8} w{s.Weight:0.##}  {s.Name}  {s.Url}  items: {counts.GetValueOrDefault(s.Id)}  {health}");
            }

            await context.Out.WriteLineAsync($"{sources.Count} source(s)");
            return 0;
        });

        var url = new Option<string>("--url") { Description = "The feed or listing address (http or https).", Required = true };
        var name = new Option<string?>("--name") { Description = "How the source is credited (default: the host name)." };
        var kind = new Option<SourceKind?>("--kind") { Description = "Feed (RSS/Atom/JSON Feed, detected), Rss, Atom, JsonFeed, Reddit, HackerNews or Arxiv; detected from the URL when omitted." };
        var role = new Option<SourceRole>("--role") { Description = "What its items are used for: Both, Topics or Trending.", DefaultValueFactory = _ => SourceRole.Both };
        var weight = new Option<double>("--weight") { Description = "Ranking weight, above 0 and at most 10.", DefaultValueFactory = _ => 1.0 };
        var add = new Command("add", "Add a source.") { url, name, kind, role, weight };
        add.SetGuardedAction(async parse =>
        {
            var text = parse.GetValue(url)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var address))
            {
                throw new FormatException($"\"{text}\" is not an absolute URL.");
            }

            var source = new Source(parse.GetValue(name) ?? "", address, parse.GetValue(kind) ?? SourceKindDetector.Detect(address), parse.GetValue(role), parse.GetValue(weight));
            await using var scope = await context.OpenAsync();
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            if (await db.Sources.AnyAsync(s => s.Url == source.Url))
            {
                throw new InvalidOperationException($"A source with the URL {source.Url} already exists.");
            }

            db.Sources.Add(source);
            await db.SaveChangesAsync();
            await context.Out.WriteLineAsync($"Added {source.Kind} source \"{source.Name}\" ({source.Id}).");
            return 0;
        });

        return new Command("sources", "List and add sources.") { list, add };
    }
}
