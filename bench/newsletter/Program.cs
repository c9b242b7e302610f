using System.Diagnostics;
using System.Globalization;
using Digest.Bench.Newsletter;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter;
using Digest.Infrastructure.Newsletter.Composing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

// bench/newsletter: one post delivered to N active subscribers through the real pipeline (outbox rows, lease, MailKit,
// a delivery record before and after every SMTP transaction) into a local SMTP sink, against the sink's own accept rate
// measured in the same run by a bare MailKit loop over one connection with the same messages.
if (args.Contains("--sink"))
{
    return await Sink.RunAsync();
}

var subscribers = Option("--subscribers", 10_000);
var provider = args.Contains("--postgres") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
var work = Directory.CreateTempSubdirectory("digest-bench-newsletter-").FullName;
var connection = provider == DatabaseProvider.Postgres
    ? Environment.GetEnvironmentVariable("DIGEST_BENCH_POSTGRES") ?? throw new InvalidOperationException("--postgres needs DIGEST_BENCH_POSTGRES (a connection string to an empty database).")
    : $"Data Source={Path.Combine(work, "digest.db")}";

await using var sink = await SinkProcess.StartAsync();
var settings = new Dictionary<string, string?>
{
    ["Digest:Email:Smtp:Host"] = "127.0.0.1",
    ["Digest:Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Digest:Email:Smtp:Security"] = "None",
    ["Digest:Email:From"] = "Daily AI Digest <news@digest.example.org>",
    ["Digest:Email:MessagesPerMinute"] = "1000000",
};
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection();
services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddConsole());
services.AddSingleton(TimeProvider.System);
services.AddDigestDatabase(new DatabaseOptions(provider, connection, work));
services.AddPublishing();
services.AddQualityGate(configuration);
services.AddScoped<PostEditor>();
services.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
services.AddSingleton<SiteSettingsStore>();
services.AddNewsletter(configuration, runServer: false);
await using var provider0 = services.BuildServiceProvider();

Console.WriteLine($"bench/newsletter: {subscribers:N0} active subscribers, {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var (mailingId, sample) = await PrepareAsync(provider0, subscribers);
Console.WriteLine($"message size: {sample.Length:N0} bytes (HTML + text, multipart/alternative)");

// The ceiling: the same kind of message, prebuilt, sent by MailKit alone over one connection.
var ceiling = await CeilingAsync(provider0, subscribers, sample);
await sink.ResetAsync();

// The pipeline, with memory sampled while it runs.
var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
var peakWorkingSet = 0L;
var peakManaged = 0L;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        using var self = Process.GetCurrentProcess();
        peakWorkingSet = Math.Max(peakWorkingSet, self.WorkingSet64);
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        try
        {
            await Task.Delay(50, sampling.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
});
var watch = Stopwatch.StartNew();
MailingRun run;
await using (var scope = provider0.CreateAsyncScope())
{
    run = await scope.ServiceProvider.GetRequiredService<MailingSender>().RunAsync(mailingId);
}

watch.Stop();
await sampling.CancelAsync();
await sampler;
var (messages, recipients, duplicates) = await sink.CountAsync();
var rate = messages / watch.Elapsed.TotalSeconds;

Console.WriteLine();
Console.WriteLine($"sink ceiling (MailKit alone, one connection): {ceiling:N0} messages/s");
Console.WriteLine($"newsletter pipeline ({run}):                 {rate:N0} messages/s  ({messages:N0} messages in {watch.Elapsed.TotalSeconds:N1} s)");
Console.WriteLine($"ratio pipeline / ceiling:                    {rate / ceiling:P0}");
Console.WriteLine($"peak working set while sending:              {peakWorkingSet / 1024.0 / 1024.0:N0} MB (managed heap peak {peakManaged / 1024.0 / 1024.0:N0} MB)");
Console.WriteLine($"live managed heap (full GC) before / after: {liveBefore / 1024.0 / 1024.0:N0} MB / {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:N0} MB");
Console.WriteLine($"delivered: {recipients:N0} distinct recipients, {duplicates} received more than one copy");
try
{
    Directory.Delete(work, recursive: true);
}
catch (IOException)
{
    // Left to the temp folder's cleanup.
}

return messages == subscribers && duplicates == 0 ? 0 : 1;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task<(Guid MailingId, byte[] Sample)> PrepareAsync(ServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
    await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, "https://digest.example.org/"));
    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    foreach (var chunk in Enumerable.Range(0, count).Chunk(2000))
    {
        db.AddRange(chunk.Select(i => Subscriber.Imported(EmailAddress.Parse($"reader{i:000000}@example.com"), DeliveryFrequency.Daily, now)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    var post = Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now);
    post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
    for (var i = 1; i <= 5; i++)
    {
        post.AddSection(new Section(SectionKind.Topic, $"Topic {i}: what the community argued about today", null,
            string.Join(' ', Enumerable.Repeat("Cheaper long-context models let small teams read whole code bases at once.", 4)),
            string.Join(' ', Enumerable.Repeat("Serving costs and energy use grow with every token kept in context.", 4))))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points · 57 comments", $"https://www.reddit.com/r/MachineLearning/comments/{i}/"));
    }

    db.Posts.Add(post);
    await db.SaveChangesAsync();
    await scope.ServiceProvider.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Bench Editor", "benchmark fixture");
    var mailing = await db.Set<Mailing>().AsNoTracking().SingleAsync(m => m.PostId == post.Id);

    var site = new NewsletterSite("Daily AI Digest", new Uri("https://digest.example.org/"));
    var published = await db.Posts.AsNoTracking().Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery().SingleAsync(p => p.Id == post.Id);
    var email = await scope.ServiceProvider.GetRequiredService<NewsletterComposer>().ForPostAsync(published, site, DeliveryFrequency.Daily);
    var composeWatch = Stopwatch.StartNew();
    for (var i = 0; i < 500; i++)
    {
        var m = email.For(MailboxAddress.Parse("news@digest.example.org"), $"r{i}@example.com", site.UnsubscribeUrl(Tokens.New()), "x@digest.example.org", TimeProvider.System.GetUtcNow(), site.ListId);
        await m.WriteToAsync(Stream.Null);
    }

    Console.WriteLine($"compose + encode per message: {composeWatch.Elapsed.TotalMilliseconds / 500:N2} ms");
    using var bytes = new MemoryStream();
    await email.For(MailboxAddress.Parse("news@digest.example.org"), "reader@example.com", site.UnsubscribeUrl(Tokens.New()), "x@digest.example.org", TimeProvider.System.GetUtcNow(), site.ListId).WriteToAsync(bytes);
    return (mailing.Id, bytes.ToArray());
}

static async Task<double> CeilingAsync(ServiceProvider services, int count, byte[] sample)
{
    // One prebuilt message, re-addressed for each send: the ceiling pays for SMTP only, and holds no per-message memory
    // that would be counted against the pipeline's peak.
    var options = services.GetRequiredService<EmailOptions>();
    var message = MimeMessage.Load(new MemoryStream(sample));
    await using var connection = await SmtpConnection.OpenAsync(options.Smtp, CancellationToken.None);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse($"reader{i:000000}@example.com"));
        await connection.SendAsync(message, CancellationToken.None);
    }

    return count / watch.Elapsed.TotalSeconds;
}
