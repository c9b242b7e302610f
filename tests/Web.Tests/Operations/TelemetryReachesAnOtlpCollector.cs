using System.Diagnostics;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Jobs;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Digest.TestSupport.Instances;
using Digest.Web.Tests.Operations.Otlp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Operations;

/// <summary>
/// The real program with OTEL_EXPORTER_OTLP_ENDPOINT set, as an operator would run it, sending to a local OTLP/HTTP
/// receiver: a page view, a job, the source fetch and the model call it makes arrive as spans of one picture, with
/// logs carrying trace ids and Digest's metrics beside the framework's.
/// </summary>
public sealed class TelemetryReachesAnOtlpCollector
{
    private const string Model = "gpt-4o-mini";

    [PostgresFact]
    public async Task A_page_view_a_job_a_source_fetch_and_a_model_call_arrive_as_spans_with_logs_and_metrics()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var model = await FakeModelServer.StartAsync();
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/ml.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/MachineLearning", DateTimeOffset.UtcNow,
            ("Why mamba disappeared?", "/r/ml/1/", "State-space models were everywhere last year."),
            ("[R] Sparse attention at 1M tokens", "/r/ml/2/", "A new paper scales sparse attention."))));
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var site = await RunningInstance.StartAsync(typeof(Program).Assembly.Location, "site", database.Options, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "digest-under-test",
            // Export within a second rather than the default five (spans) and sixty (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            // The job below is picked up within a second rather than Hangfire's fifteen.
            ["Digest:Jobs:PollInterval"] = "1",
            ["Digest:Llm:Provider"] = "OpenAI",
            ["Digest:Llm:Endpoint"] = model.OpenAiEndpoint.ToString(),
            ["Digest:Llm:ApiKey"] = model.ApiKey,
            ["Digest:Llm:Model"] = Model,
            ["Digest:Llm:MaxParallelism"] = "1",
        });
        await UseOnlyAsync(database, new Source("r/MachineLearning", feeds.Url("/ml.rss"), SourceKind.Rss, SourceRole.Topics));
        using var client = new HttpClient { BaseAddress = site.Address };

        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        var job = JobQueue.Enqueue<GenerateDailyDigestJob>(database.Options.ConnectionString, j => j.RunAsync("telemetry test", CancellationToken.None));

        var spans = await UntilAsync(receiver, site, r =>
            r.Spans.Any(s => s.Name == "job GenerateDailyDigestJob")
            && r.Spans.Any(s => s.Scope == "Digest.Model")
            && r.Spans.Any(s => s.Name == "GET /")
            && Metrics.All(r.MetricNames.Contains)
            && r.Logs.Any(l => l.Body.StartsWith("Job {Job} ({JobId})", StringComparison.Ordinal) || l.Body.Contains("GenerateDailyDigestJob", StringComparison.Ordinal)));

        var page = spans.Single(s => s.Name == "GET /");
        Assert.Equal("digest-under-test", page.Service);
        Assert.Equal("200", page.Attributes["http.response.status_code"]);

        var jobSpan = spans.Single(s => s.Name == "job GenerateDailyDigestJob");
        Assert.Equal(job, jobSpan.Attributes["digest.job.id"]);
        var trace = spans.Where(s => s.TraceId == jobSpan.TraceId).ToList();
        var generation = Assert.Single(trace, s => s.Name == "generate edition");
        Assert.Equal(jobSpan.SpanId, generation.ParentSpanId);

        var fetch = Assert.Single(trace, s => s.Name == "source fetch");
        Assert.Equal("r/MachineLearning", fetch.Attributes["digest.source.name"]);
        Assert.Contains(trace, s => s.ParentSpanId == fetch.SpanId && s.Attributes.GetValueOrDefault("url.full", "").EndsWith("/ml.rss", StringComparison.Ordinal));

        var chat = trace.First(s => s.Scope == "Digest.Model");
        Assert.Equal($"chat {Model}", chat.Name);
        Assert.Equal(Model, chat.Attributes["gen_ai.request.model"]);
        Assert.Contains(trace, s => s.ParentSpanId == chat.SpanId && s.Attributes.GetValueOrDefault("url.full", "").Contains("/chat/completions", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        // Prompts and answers stay out of the spans.
        Assert.DoesNotContain(trace, s => s.Attributes.Values.Any(v => v.Contains("mamba", StringComparison.OrdinalIgnoreCase)));

        Assert.Contains(receiver.Logs, l => l.TraceId == jobSpan.TraceId);
    }

    /// <summary>Waited for, not only checked: the job's duration is recorded as it ends, so it can reach the collector an
    /// export interval after the job's span (once seen to fail that way on a busy machine).</summary>
    private static readonly string[] Metrics =
        ["http.server.request.duration", "digest.drafts.generated", "digest.model.tokens", "digest.model.cost", "digest.source.fetches", "digest.output_cache.lookups", "digest.job.duration"];

    private static async Task UseOnlyAsync(TestDatabase database, Source source)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await db.Sources.ExecuteDeleteAsync();
        db.Sources.Add(source);
        await db.SaveChangesAsync();
    }

    private static async Task<IReadOnlyList<ReceivedSpan>> UntilAsync(OtlpReceiver receiver, RunningInstance site, Func<OtlpReceiver, bool> arrived)
    {
        var waited = Stopwatch.StartNew();
        while (!arrived(receiver))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                Assert.Fail($"Not everything arrived. Spans: {string.Join(", ", receiver.Spans.Select(s => s.Name).Distinct())}; metrics: {string.Join(", ", receiver.MetricNames)}; logs: {receiver.Logs.Count}\n{site.Output}");
            }

            await Task.Delay(200);
        }

        return receiver.Spans;
    }
}
