using System.Diagnostics;
using System.Globalization;
using Digest.Bench.Writing;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Writing;
using Digest.TestSupport.FakeModelServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Wall time of one edition (6 topics + 3 trending + 2 predictions = 11 model calls) against the fake model
// server with a fixed latency per call, at parallelism 1 and 4, through the real SDK, HTTP pipeline and writer.
const int Topics = 6;
const int Trending = 3;
const int Repeats = 5;
var latency = TimeSpan.FromMilliseconds(200);
var provider = args.Contains("--azure") ? LlmProvider.AzureOpenAI : LlmProvider.OpenAI;
if (args.Contains("--grounding-only"))
{
    GroundingBench.Run(repeats: 21);
    return;
}

string[] subjects = ["artificial general intelligence", "technological singularity"];
var calls = Topics + Trending + subjects.Length;

await using var server = await FakeModelServer.StartAsync();
server.Latency = latency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provider {provider}, {calls} calls per edition, {latency.TotalMilliseconds:0} ms per call, median of {Repeats}"));

await RunEditionAsync(4); // warm-up: JIT, connection pool
var results = new Dictionary<int, TimeSpan>();
foreach (var parallelism in new[] { 1, 4 })
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < Repeats; i++)
    {
        times.Add(await RunEditionAsync(parallelism));
    }

    var median = times.Order().ElementAt(Repeats / 2);
    results[parallelism] = median;
    var waves = (int)Math.Ceiling(calls / (double)parallelism);
    var modelTime = latency * waves;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"parallelism {parallelism}: wall {median.TotalMilliseconds,7:0} ms; model time {modelTime.TotalMilliseconds,5:0} ms ({waves} waves); overhead {(median - modelTime).TotalMilliseconds,5:0} ms ({(median - modelTime).TotalMilliseconds / calls:0.0} ms per call)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up p4 vs p1: {results[1] / results[4]:0.00}x"));

// Grounding: the check's own cost per draft, then what reading the discussions costs in model time. The fake model
// answers after 200 ms plus 40 ms per KB of request (a longer prompt takes longer, as on a real model), so the ratio
// of a run with comments in the prompts to one without is a ratio of model time, both measured here.
GroundingBench.Run(repeats: 21);
server.LatencyPerKilobyte = TimeSpan.FromMilliseconds(40);
var baseline = new List<TimeSpan>();
var commented = new List<TimeSpan>();
var verified = new List<TimeSpan>();
long baselineBytes = 0, commentedBytes = 0;
await RunEditionAsync(4, withComments: true); // warm-up
for (var i = 0; i < Repeats; i++)
{
    var before = server.Requests.Sum(r => (long)r.Body.Length);
    baseline.Add(await RunEditionAsync(4, withComments: false));
    var middle = server.Requests.Sum(r => (long)r.Body.Length);
    commented.Add(await RunEditionAsync(4, withComments: true));
    var after = server.Requests.Sum(r => (long)r.Body.Length);
    verified.Add(await RunEditionAsync(4, withComments: true, verify: true));
    baselineBytes += middle - before;
    commentedBytes += after - middle;
}

var b = MedianOf(baseline);
var c = MedianOf(commented);
var v = MedianOf(verified);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"model time at parallelism 4 (200 ms + 40 ms/KB): without comments {b.TotalMilliseconds:0} ms (baseline); with 8 comments per topic {c.TotalMilliseconds:0} ms, ratio {c / b:0.00}x; " +
    $"prompt bytes ratio {(double)commentedBytes / baselineBytes:0.00}x; with comments and the second opinion (9 more calls) {v.TotalMilliseconds:0} ms, ratio {v / b:0.00}x"));

static TimeSpan MedianOf(IReadOnlyCollection<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

async Task<TimeSpan> RunEditionAsync(int parallelism, bool withComments = false, bool verify = false)
{
    var settings = new Dictionary<string, string?>
    {
        ["Digest:Llm:Provider"] = provider.ToString(),
        ["Digest:Llm:Endpoint"] = (provider == LlmProvider.AzureOpenAI ? server.AzureEndpoint : server.OpenAiEndpoint).ToString(),
        ["Digest:Llm:ApiKey"] = server.ApiKey,
        ["Digest:Llm:Deployment"] = "bench",
        ["Digest:Llm:Model"] = "bench",
        ["Digest:Llm:MaxParallelism"] = parallelism.ToString(CultureInfo.InvariantCulture),
    };
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddModelWriter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    // A fresh provider per run means a fresh response cache, so every call reaches the server.
    await using var container = services.BuildServiceProvider();
    await using var scope = container.CreateAsyncScope();
    var writer = scope.ServiceProvider.GetRequiredService<IDigestWriter>();
    var topics = Enumerable.Range(1, Topics).Select(n => Brief(n, "r/MachineLearning") with { Threads = withComments ? [Thread(n)] : null }).ToList();
    var trending = Enumerable.Range(1, Trending).Select(n => Brief(100 + n, "r/machinelearningnews")).ToList();

    var clock = Stopwatch.StartNew();
    var edition = await writer.WriteEditionAsync(topics, trending, subjects, new DateOnly(2026, 1, 5), CancellationToken.None);
    if (verify)
    {
        var model = (ModelWriter)writer;
        var sections = edition.Topics.Select((t, i) => (SectionKind.Topic, t, Sources: Digest.Infrastructure.Writing.Prompts.SourceBlock.Render(topics[i])))
            .Concat(edition.Trending.Select((t, i) => (SectionKind.Trending, t, Sources: Digest.Infrastructure.Writing.Prompts.SourceBlock.Render(trending[i]))));
        await Task.WhenAll(sections.Select(s => model.VerifyAsync(s.Item1, s.t.Heading ?? "", s.Sources, string.Join("\n", s.t.Benefits, s.t.Ramifications, s.t.Body), CancellationToken.None)));
    }

    clock.Stop();
    if (edition.Topics.Any(t => t.Benefits is null) || edition.Predictions.Count != subjects.Length)
    {
        throw new InvalidOperationException("A section was not written; the timing would not mean anything.");
    }

    return clock.Elapsed;
}

static DiscussionThread Thread(int n) => new(
    $"https://www.reddit.com/r/MachineLearning/comments/{n}/",
    "r/MachineLearning",
    [.. Enumerable.Range(1, 8).Select(c => new DiscussionComment($"u/commenter{c}", 100 - c,
        string.Concat(Enumerable.Repeat($"Comment {c} on story {n} weighs the benchmark results against the training data. ", 7)),
        $"https://www.reddit.com/r/MachineLearning/comments/{n}/x/c{c}/"))]);

static TopicBrief Brief(int n, string source) => new(
    $"Story {n}: a lab releases an open-weights model",
    $"https://example.org/story/{n}",
    string.Concat(Enumerable.Repeat($"Story {n} describes the model, its training data and its benchmark results. ", 12)),
    source,
    100 + n,
    20 + n,
    new DateTime(2026, 1, 4, 12, 0, 0, DateTimeKind.Utc));
