using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Settings;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Newsletter;

/// <summary>
/// The newsletter's services over a real database of either provider, sending through MailKit to a real SMTP server on
/// 127.0.0.1 (<see cref="LocalSmtpServer"/>). Business time is a <see cref="FakeTimeProvider"/> so retries can be made
/// due by moving the clock; the pacer keeps real time (its waits are what it is for).
/// </summary>
internal sealed class NewsletterHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    public const string BaseUrl = "https://digest.example.org/";

    private NewsletterHost(TestDatabase database, LocalSmtpServer smtp)
    {
        Database = database;
        Smtp = smtp;
    }

    public TestDatabase Database { get; }

    public LocalSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public ServiceProvider Services { get; private set; } = null!;

    /// <param name="smtpPort">Point the app at another port (e.g. one where nothing listens) instead of the test server.</param>
    public static async Task<NewsletterHost> StartAsync(DatabaseProvider provider, Action<Dictionary<string, string?>>? change = null, int? smtpPort = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var smtp = await LocalSmtpServer.StartAsync();
        var host = new NewsletterHost(database, smtp);
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Email:Smtp:Host"] = "127.0.0.1",
            ["Digest:Email:Smtp:Port"] = (smtpPort ?? smtp.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Email:Smtp:Security"] = "None",
            ["Digest:Email:Smtp:Timeout"] = "00:00:02",
            ["Digest:Email:From"] = "Daily AI Digest <news@digest.example.org>",
            ["Digest:Email:MessagesPerMinute"] = "1000000",
            ["Digest:Newsletter:BatchSize"] = "3",
        };
        change?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        host.Services = database.BuildServices(services =>
        {
            services.AddSingleton<TimeProvider>(host.Clock);
            services.AddPublishing();
            services.AddQualityGate(configuration);
            services.AddScoped<PostEditor>();
            services.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
            services.AddSingleton<SiteSettingsStore>();
            services.AddNewsletter(configuration, runServer: false);
            services.AddSingleton(sp => new SendPacer(sp.GetRequiredService<EmailOptions>(), TimeProvider.System));
        });
        await host.WithDbAsync(db => db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, BaseUrl)));
        return host;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async s =>
    {
        await work(s);
        return true;
    });

    public Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work) => InScopeAsync(s => work(s.GetRequiredService<DigestDbContext>()));

    /// <summary>Active subscribers, as an import makes them.</summary>
    public Task<List<Subscriber>> SubscribeAsync(DeliveryFrequency frequency, params string[] emails) => WithDbAsync(async db =>
    {
        var subscribers = emails.Select(e => Subscriber.Imported(EmailAddress.Parse(e), frequency, Clock.GetUtcNow().UtcDateTime)).ToList();
        db.AddRange(subscribers);
        await db.SaveChangesAsync();
        return subscribers;
    });

    public Task<List<Subscriber>> SubscribeAsync(params string[] emails) => SubscribeAsync(DeliveryFrequency.Daily, emails);

    /// <summary>A house-format draft with sources, saved, then approved and published the way the dashboard does it.</summary>
    public async Task<Post> PublishAsync(DateOnly? edition = null, Action<Post>? beforePublish = null)
    {
        var post = await DraftAsync(edition);
        beforePublish?.Invoke(post);
        return await InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Ada Editor", "test posts reuse topics"));
    }

    public Task<Post> DraftAsync(DateOnly? edition = null) => WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var post = Post.CreateGeneratedDraft(edition ?? DateOnly.FromDateTime(now), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now);
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared", null, "State-space models stay cheap at long context.", "Attention keeps winning benchmarks."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://www.reddit.com/r/MachineLearning/comments/1/"));
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", null, "Whole code bases fit in one prompt.", "Long prompts cost more energy."))
            .AddSource(new SectionSource(null, "Hacker News · 88 points", "https://news.ycombinator.com/item?id=2"));
        post.AddSection(new Section(SectionKind.Trending, "NVIDIA introduces Flextron", null))
            .AddSource(new SectionSource(null, "r/machinelearningnews", "https://www.reddit.com/r/machinelearningnews/comments/3/"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    });

    public Task<Mailing> MailingForAsync(Guid postId) =>
        WithDbAsync(db => db.Set<Mailing>().AsNoTracking().SingleAsync(m => m.Key == Mailing.KeyForPost(postId)));

    public Task<MailingRun> SendAsync(Guid mailingId, CancellationToken cancellationToken = default) =>
        InScopeAsync(s => s.GetRequiredService<MailingSender>().RunAsync(mailingId, cancellationToken));

    public async Task<MailingRun> SendPostAsync(Guid postId) => await SendAsync((await MailingForAsync(postId)).Id);

    public Task<List<(string Email, DeliveryStatus Status, string? Error, int Attempts)>> DeliveriesAsync(Guid mailingId) => WithDbAsync(async db =>
        (await db.Set<Delivery>().AsNoTracking().Where(d => d.MailingId == mailingId)
            .Join(db.Set<Subscriber>(), d => d.SubscriberId, s => s.Id, (d, s) => new { s.Email, d.Status, d.Error, d.Attempts })
            .ToListAsync())
        .Select(d => (d.Email, d.Status, d.Error, d.Attempts)).OrderBy(d => d.Email).ToList());

    public Task<Subscriber> SubscriberAsync(string email) =>
        WithDbAsync(db => db.Set<Subscriber>().AsNoTracking().SingleAsync(s => s.Email == email));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
