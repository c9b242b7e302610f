using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Bench.Ingest;

/// <summary>Answers each source from a document held in memory, parsed by the app's real readers: the benchmark
/// measures parsing, canonicalising and storing, not the network.</summary>
internal sealed class MemoryFetcher(SourceReaders readers, IReadOnlyDictionary<string, (string MediaType, byte[] Body)> documents) : ISourceFetcher
{
    public Task<FetchResult> FetchAsync(Source source, CancellationToken cancellationToken)
    {
        var (mediaType, body) = documents[source.Url];
        var document = new FetchedDocument(source.Address, body, mediaType, "utf-8");
        return Task.FromResult(FetchResult.Success(readers.For(source.Kind).Read(document)));
    }
}
