using System.CommandLine;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing;
using Digest.Web.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.PublicBench;

/// <summary>
/// <c>bench-seed --count 1000</c>: fills the database with published posts for bench/public. Hidden from help and
/// from the dashboard: it exists for measuring, and it publishes without review (reviewer "bench").
/// </summary>
internal static class SeedPostsCommand
{
    public const string Name = "bench-seed";

    public static Command Create(CommandContext context)
    {
        var count = new Option<int>("--count") { Description = "How many posts to publish.", DefaultValueFactory = _ => 1000 };
        var command = new Command(Name, "Publish generated posts for the public-site benchmark.") { count };
        command.Hidden = true;
        command.SetGuardedAction(async parse =>
        {
            var wanted = parse.GetValue(count);
            await using var scope = await context.OpenAsync();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DigestDbContext>();
            var renderer = services.GetRequiredService<PostRenderer>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var first = new DateOnly(2024, 1, 1);
            var existing = (await db.Posts.Select(p => p.Slug).ToListAsync()).ToHashSet(StringComparer.Ordinal);
            var added = 0;
            for (var i = 0; i < wanted; i++)
            {
                var post = BenchPosts.Create(i, first.AddDays(i), now);
                if (existing.Contains(post.Slug))
                {
                    continue;
                }

                post.ApproveAndPublish("bench", now);
                renderer.Render(post);
                db.Posts.Add(post);
                added++;
                if (added % 100 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
            await context.Out.WriteLineAsync($"Published {added} bench post(s); {existing.Count} were there already.");
            return 0;
        });
        return command;
    }
}
