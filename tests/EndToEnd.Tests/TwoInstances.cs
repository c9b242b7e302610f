using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Digest.TestSupport.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Two instances of the real program (A and B, each with a job server) on one PostgreSQL database, behind Debian's
/// nginx running the repository's config, with a fake model server and local feeds — started once per test class.
/// <see cref="TwoInstancesWithRedis"/> adds one Redis as the shared output cache.
/// </summary>
public class TwoInstances : IAsyncLifetime
{
    public const string AdminEmail = "owner@example.com";
    public const string Password = "correct horse battery";
    public const string Model = "gpt-4o-mini";

    private readonly Dictionary<string, string?> _settings = [];

    protected virtual bool UsesRedis => false;

    public TestDatabase Database { get; private set; } = default!;

    public FakeModelServer ModelServer { get; private set; } = default!;

    public LocalHttpServer Feeds { get; private set; } = default!;

    public RunningInstance A { get; private set; } = default!;

    public RunningInstance B { get; private set; } = default!;

    public LocalNginx Proxy { get; private set; } = default!;

    public static string App => typeof(Program).Assembly.Location;

    /// <summary>Why the class cannot run here, or null.</summary>
    public static string? SkipReason =>
        TestPostgres.ServerConnectionString is null ? TestPostgres.SkipReason
        : TestTools.Nginx is null ? "nginx is not installed (./test.sh installs Debian's)."
        : Browser.ExecutablePath is null ? "No Chromium (./test.sh installs Debian's)."
        : null;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if (UsesRedis && TestRedis.Address is null)
        {
            throw new InvalidOperationException(TestRedis.SkipReason);
        }

        ModelServer = await FakeModelServer.StartAsync();
        Feeds = await LocalHttpServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        Feeds.Serve("/ml.rss", LocalResponse.Text(Rss("r/MachineLearning", now, "ml",
            "Why mamba disappeared?", "[R] Sparse attention at 1M tokens", "[D] Are benchmarks saturated?", "[P] A tiny diffusion model"), "application/rss+xml"));
        Feeds.Serve("/news.rss", LocalResponse.Text(Rss("r/machinelearningnews", now, "news", "NVIDIA introduces Flextron", "Hugging Face releases SmolLM"), "application/rss+xml"));
        Database = await TestDatabase.CreateEmptyAsync(Infrastructure.Data.DatabaseProvider.Postgres);
        _settings["Digest:Llm:Provider"] = "OpenAI";
        _settings["Digest:Llm:Endpoint"] = ModelServer.OpenAiEndpoint.ToString();
        _settings["Digest:Llm:ApiKey"] = ModelServer.ApiKey;
        _settings["Digest:Llm:Model"] = Model;
        _settings["Digest:Llm:MaxParallelism"] = "2";
        _settings["Digest:Jobs:Server"] = "true";
        // Jobs are picked up within a second and a dead instance's run is looked for every two (defaults: 15 s, 1 min).
        _settings["Digest:Jobs:PollInterval"] = "1";
        _settings["Digest:Generation:RecoveryInterval"] = "2";
        // As a log collector would read them: one JSON object per line.
        _settings["Digest:Telemetry:ConsoleLogs"] = "Json";
        if (UsesRedis)
        {
            _settings["ConnectionStrings:Redis"] = TestRedis.Address;
            _settings["Digest:Redis:InstanceName"] = TestRedis.NewInstanceName();
        }

        // Started together, as compose starts them once PostgreSQL is healthy: both migrate and seed at once.
        var started = await Task.WhenAll(RunningInstance.StartAsync(App, "A", Database.Options, _settings), RunningInstance.StartAsync(App, "B", Database.Options, _settings));
        (A, B) = (started[0], started[1]);
        await UseLocalFeedsAsync();
        var user = await ProgramCommand.RunAsync(App, Database.Options, "users", "add", "--email", AdminEmail, "--name", "Site Admin", "--password", Password, "--role", "Admin");
        Assert.True(user.ExitCode == 0, user.Output);
        Proxy = await LocalNginx.StartAsync(RepositoryRoot.Path("deploy", "nginx", "digest.conf"), new Dictionary<string, Uri> { ["web-a:8080"] = A.Address, ["web-b:8080"] = B.Address });
    }

    public async Task DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { Proxy, A, B, ModelServer, Feeds })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    public async Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work)
    {
        await using var services = Database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DigestDbContext>());
    }

    /// <summary>A manual draft with one complete topic, ready to approve.</summary>
    public Task<(Guid Id, string Title)> AddDraftAsync(string title) =>
        WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var post = Post.CreateDraft($"instances-{Guid.NewGuid():N}", title, now, "Digest", PostOrigin.Manual, now);
            post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper on long context.",
                "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs."))
                .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return (post.Id, title);
        });

    private Task<int> UseLocalFeedsAsync() =>
        WithDbAsync(async db =>
        {
            await db.Sources.ExecuteDeleteAsync();
            db.Sources.Add(new Source("r/MachineLearning", Feeds.Url("/ml.rss"), SourceKind.Rss, SourceRole.Topics));
            db.Sources.Add(new Source("r/machinelearningnews", Feeds.Url("/news.rss"), SourceKind.Rss, SourceRole.Trending));
            return await db.SaveChangesAsync();
        });

    private static string Rss(string channel, DateTimeOffset now, string prefix, params string[] titles)
    {
        var items = string.Concat(titles.Select((title, i) =>
            $"<item><title>{System.Net.WebUtility.HtmlEncode(title)}</title><link>https://example.org/{prefix}/{i}</link><guid>https://example.org/{prefix}/{i}</guid>" +
            $"<description>{System.Net.WebUtility.HtmlEncode(title)}: what people say about it.</description><pubDate>{now.AddHours(-1 - i):r}</pubDate></item>"));
        return $"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{channel}</title><link>https://example.org/</link><description>test</description>{items}</channel></rss>""";
    }
}

/// <summary>The same two instances, with the output cache in one Redis.</summary>
public sealed class TwoInstancesWithRedis : TwoInstances
{
    protected override bool UsesRedis => true;
}
