using System.CommandLine;
using System.Globalization;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Newsletter.Managing;

namespace Digest.Web.CommandLine;

/// <summary><c>newsletter status &lt;slug&gt;</c>: whether and to whom a post was emailed, with the reason of each failure.</summary>
internal static class NewsletterCommands
{
    public static Command Create(CommandContext context)
    {
        var target = new Argument<string>("id-or-slug") { Description = "The post's id or slug." };
        var status = new Command("status", "Show a post's email delivery: sent, failed (with the reason), pending.") { target };
        status.SetGuardedAction(async parse =>
        {
            await using var scope = await context.OpenAsync();
            var post = await scope.ServiceProvider.GetRequiredService<PostEditor>().FindAsync(parse.GetValue(target)!);
            var state = await scope.ServiceProvider.GetRequiredService<PostNewsletter>().StateAsync(post.Id);
            if (state.Mailing is not { } mailing)
            {
                await context.Out.WriteLineAsync($"{post.Slug}: {(post.Status == Domain.Posts.PostStatus.Published && !state.Imported ? "published before the newsletter existed; not emailed." : state.Summary())}");
                return 0;
            }

            await context.Out.WriteLineAsync($"{post.Slug}: {mailing.DescribeState()}");
            await context.Out.WriteLineAsync($"  {mailing.Recipients} recipient(s): {mailing.Counts.Describe()}");
            await context.Out.WriteLineAsync(Invariant($"  written {mailing.CreatedAt:yyyy-MM-dd HH:mm} UTC")
                + (mailing.StartedAt is { } started ? Invariant($", started {started:yyyy-MM-dd HH:mm} UTC") : "")
                + (mailing.FinishedAt is { } finished ? Invariant($", ended {finished:yyyy-MM-dd HH:mm} UTC") : ""));
            foreach (var problem in await scope.ServiceProvider.GetRequiredService<NewsletterReports>().ProblemsAsync(mailing.Id))
            {
                var when = problem.NextAttemptAt is { } next ? Invariant($", next try {next:yyyy-MM-dd HH:mm} UTC") : "";
                await context.Out.WriteLineAsync($"  {problem.Status.ToString().ToLowerInvariant()}: {problem.Email} ({problem.Attempts} tr{(problem.Attempts == 1 ? "y" : "ies")}{when}): {problem.Error}");
            }

            return 0;
        });

        return new Command("newsletter", "The newsletter's deliveries.") { status };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
