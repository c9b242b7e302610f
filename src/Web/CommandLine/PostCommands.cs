using System.CommandLine;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Quality;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.CommandLine;

internal static class PostCommands
{
    public static Command Create(CommandContext context)
    {
        var status = new Option<PostStatus?>("--status") { Description = "Only posts with this status (Draft, InReview, Scheduled, Published, Rejected)." };
        var list = new Command("list", "List posts, newest first.") { status };
        list.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var wanted = parse.GetValue(status);
            var posts = await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Posts.AsNoTracking()
                .Where(p => wanted == null || p.Status == wanted)
                .OrderByDescending(p => p.Date)
                .Select(p => new { p.Id, p.Date, p.Status, p.Slug, p.Title })
                .ToListAsync();
            foreach (var post in posts)
            {
                await context.Out.WriteLineAsync($"{post.Id}  {post.Date:yyyy-MM-dd}  {post.Status,-9}  {post.Slug}  {post.Title}");
            }

            await context.Out.WriteLineAsync($"{posts.Count} post(s)");
            return 0;
        });

        var target = new Argument<string>("id-or-slug") { Description = "The post's id or slug." };
        var overrideReason = new Option<string?>("--override") { Description = "Publish despite the problems found, for this reason (recorded)." };
        var noEmail = new Option<bool>("--no-email") { Description = "Publish without emailing it to subscribers (a correction, a backfill); the choice is recorded." };
        var publish = new Command("publish", "Approve a post and publish it now; it is emailed to subscribers unless --no-email.") { target, overrideReason, noEmail };
        publish.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var editor = scope.ServiceProvider.GetRequiredService<PostEditor>();
            var post = await editor.FindAsync(parse.GetValue(target)!);
            var problems = await scope.ServiceProvider.GetRequiredService<QualityGate>().FindProblemsAsync(post);
            if (problems.Count > 0 && string.IsNullOrWhiteSpace(parse.GetValue(overrideReason)))
            {
                await context.Error.WriteLineAsync($"error: {post.Slug} cannot be published yet: {string.Join("; ", problems)} (fix them, or pass --override \"reason\")");
                return 1;
            }

            if (parse.GetValue(noEmail))
            {
                await scope.ServiceProvider.GetRequiredService<Infrastructure.Newsletter.Managing.PostNewsletter>().ChooseAsync(post.Id, send: false, "command line");
            }

            post = await editor.ApproveAndPublishAsync(post.Id, "command line", parse.GetValue(overrideReason));
            await context.Out.WriteLineAsync($"Published {post.Slug} at {post.PublishedAt:yyyy-MM-dd HH:mm} UTC.");
            return 0;
        });

        return new Command("posts", "List and publish posts.") { list, publish };
    }
}
