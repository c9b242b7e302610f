using System.Globalization;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Newsletter;

/// <summary>
/// The operator's promise, end to end with real processes: a post published by the <c>posts publish</c> verb (another
/// process) is emailed by the running site's job server even though Hangfire keeps its jobs in memory; the site is killed
/// with SIGKILL in the middle of the mailing and started again; the SMTP server then holds exactly one message for each
/// active subscriber.
/// </summary>
[Collection(ProgramsCollection.Name)]
public sealed class ACrashMidBatchSkipsNobodyAndRepeatsNothing(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private void Mark(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds:0.0}s {what}");

    private const int Readers = 30;
    private const int KillAt = 12;

    [Fact]
    public async Task A_site_killed_mid_batch_resumes_after_a_restart_and_every_reader_gets_the_post_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var smtp = await LocalSmtpServer.StartAsync();
        var readers = Enumerable.Range(1, Readers).Select(i => $"reader{i:00}@example.com").ToArray();
        var slug = await PrepareAsync(database, readers);
        Mark("prepared");

        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        smtp.OnRecipient = async r =>
        {
            if (r.Index == KillAt)
            {
                // The site is now between recording this delivery as "sending" and hearing the server's answer.
                held.TrySetResult();
                await release.Task;
                throw LocalSmtpServer.Drop();
            }
        };

        var settings = new Dictionary<string, string>
        {
            ["Digest:Email:Smtp:Host"] = "127.0.0.1",
            ["Digest:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Digest:Email:Smtp:Security"] = "None",
            ["Digest:Email:From"] = "Daily AI Digest <news@digest.example.org>",
            ["Digest:Email:MessagesPerMinute"] = "6000",
            ["Digest:Newsletter:PollInterval"] = "00:00:01",
            ["Digest:Newsletter:Lease"] = "00:00:03",
            ["Digest:Newsletter:BatchSize"] = "5",
        };

        await using (var site = await SiteProcess.StartAsync(database.Options, settings))
        {
            Mark("site started");
            var published = await DigestCli.RunAsync(database, "posts", "publish", slug, "--override", "test fixture");
            Assert.True(published.ExitCode == 0, published.ToString());
            Mark("published");
            await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Mark("held");
            Assert.Equal(KillAt, smtp.Messages.Count);
            await site.KillAsync();
        }

        release.SetResult();
        smtp.OnRecipient = null;
        await using (var restarted = await SiteProcess.StartAsync(database.Options, settings))
        {
            Mark("restarted");
            await WaitUntilSentAsync(database, slug, restarted);
        }

        Mark("sent");
        Assert.Equal(Readers, smtp.Messages.Count);
        Assert.All(readers, r => Assert.Equal(1, smtp.CountFor(r)));
        Assert.Equal(0, smtp.CountFor("gone@example.com"));

    }

    /// <summary>Subscribers, a draft and the site's address, straight into the database.</summary>
    private static async Task<string> PrepareAsync(TestDatabase database, string[] readers)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, "https://digest.example.org/"));
        var now = DateTime.UtcNow;
        db.AddRange(readers.Select(r => Subscriber.Imported(EmailAddress.Parse(r), DeliveryFrequency.Daily, now)));
        var gone = Subscriber.Imported(EmailAddress.Parse("gone@example.com"), DeliveryFrequency.Daily, now);
        gone.Unsubscribe(now);
        db.Add(gone);
        var post = Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now);
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared", null, "State-space models stay cheap at long context.", "Attention keeps winning benchmarks."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://www.reddit.com/r/MachineLearning/comments/1/"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Slug;
    }

    private static async Task WaitUntilSentAsync(TestDatabase database, string slug, SiteProcess site)
    {
        await using var services = database.BuildServices();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            if (await db.Set<Mailing>().AnyAsync(m => m.PostId == postId && m.Status == MailingStatus.Sent))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The restarted site did not finish the mailing:\n" + site.Log);
    }
}
