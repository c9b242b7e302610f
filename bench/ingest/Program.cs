using System.Diagnostics;
using System.Globalization;
using Digest.Bench.Ingest;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Reading;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Parse + canonicalise + upsert 10,000 items across 20 sources through the real SourceIngester, on one database
// provider per process (so the peak working set is that provider's): a first pass where every item is new, then
// the same batch again an hour later, where every item is a duplicate to update.
const int SourceCount = 20;
const int ItemsPerSource = 500;
var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() is { } p && Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var chosen)
    ? chosen
    : DatabaseProvider.Sqlite;
var now = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

var documents = new Dictionary<string, (string, byte[])>();
var sources = new List<Source>();
var warmUp = new List<Source>();
for (var i = 0; i < SourceCount + 2; i++)
{
    var isWarmUp = i >= SourceCount;
    var (kind, mediaType, body) = Documents.Make(i, isWarmUp ? 50 : ItemsPerSource, now, isWarmUp ? "w" : "");
    var source = new Source($"Source {i:D2}", new Uri($"https://source{i}.example/{kind.ToString().ToLowerInvariant()}"), kind);
    documents[source.Url] = (mediaType, body);
    (isWarmUp ? warmUp : sources).Add(source);
}

await using var database = await TestDatabase.CreateAsync(provider);
var configuration = new ConfigurationBuilder().Build();
await using var services = database.BuildServices(s => s
    .AddSingleton(TimeProvider.System)
    .AddSingleton<ISourceFetcher>(new MemoryFetcher(new SourceReaders(), documents))
    .AddIngestion(configuration));

// Warm-up (JIT, EF model, connection pool) on two small sources that are then switched off.
await WithDbDoAsync(async db =>
{
    await db.Sources.ExecuteDeleteAsync();
    db.Sources.AddRange(warmUp);
    await db.SaveChangesAsync();
});
await IngestAsync();
await WithDbDoAsync(async db =>
{
    await db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false));
    db.Sources.AddRange(sources);
    await db.SaveChangesAsync();
});

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {SourceCount} sources × {ItemsPerSource} items, parsed from memory by the real readers; {Environment.ProcessorCount} cores"));
MeasureParsing();
var firstPass = await MeasureAsync("new items       ");
var secondPass = await MeasureAsync("same batch again");
var stored = await WithDbAsync(db => db.SourceItems.CountAsync(i => !i.CanonicalUrl.Contains("/w")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"items stored: {stored} (the second pass added {secondPass.New}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));

// Parsing and canonicalising alone (no database), to tell reading cost from storing cost.
void MeasureParsing()
{
    var readers = new SourceReaders();
    var clock = Stopwatch.StartNew();
    var count = 0;
    foreach (var source in sources)
    {
        var (mediaType, body) = documents[source.Url];
        foreach (var item in readers.For(source.Kind).Read(new FetchedDocument(source.Address, body, mediaType, "utf-8")))
        {
            count += UrlCanonicalizer.Canonicalize(item.Url).Length > 0 ? 1 : 0;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse + canonicalise only: {count} items in {clock.Elapsed.TotalMilliseconds,6:0} ms = {count / clock.Elapsed.TotalSeconds,6:0} items/s (one thread)"));
}

async Task<(int Read, int New)> MeasureAsync(string label)
{
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var outcomes = await IngestAsync();
    clock.Stop();
    var read = outcomes.Sum(o => o.ItemsRead);
    var added = outcomes.Sum(o => o.NewItems);
    var failed = outcomes.Where(o => o.Failed).Select(o => o.Describe()).ToList();
    if (failed.Count > 0)
    {
        throw new InvalidOperationException(string.Join("; ", failed));
    }

    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {read} items ({added} new) in {clock.Elapsed.TotalMilliseconds,6:0} ms = {read / clock.Elapsed.TotalSeconds,6:0} items/s; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0,5:0} MB; peak working set so far {process.PeakWorkingSet64 / 1048576.0:0} MB"));
    return (read, added);
}

async Task<IReadOnlyList<IngestOutcome>> IngestAsync()
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<SourceIngester>().IngestAllAsync(CancellationToken.None);
}

async Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider.GetRequiredService<DigestDbContext>());
}

async Task WithDbDoAsync(Func<DigestDbContext, Task> work)
{
    await using var scope = services.CreateAsyncScope();
    await work(scope.ServiceProvider.GetRequiredService<DigestDbContext>());
}
