using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Demo;

/// <summary>
/// Demo mode: every default source is answered from a sample document shipped inside the app, dated relative
/// to now so a generation always finds fresh items. Never touches the network. The samples go through the same
/// readers as real documents.
/// </summary>
internal sealed class DemoSourceFetcher(SourceReaders readers, TimeProvider time) : ISourceFetcher
{
    public Task<FetchResult> FetchAsync(Source source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        if (DemoSamples.For(source.Address) is not { } sample)
        {
            return Task.FromResult(FetchResult.Failure($"demo mode has no sample for {source.Url}: it reads only {DemoMode.Reads}, never the network (run without --demo to read it)"));
        }

        var body = DemoSamples.Render(sample, time.GetUtcNow());
        var kind = SourceKindDetector.FromContent(body) ?? SourceKind.Feed;
        var document = new FetchedDocument(source.Address, body, sample.MediaType, "utf-8");
        try
        {
            return Task.FromResult(FetchResult.Success(readers.For(kind).Read(document), detectedKind: kind));
        }
        catch (SourceFormatException ex)
        {
            return Task.FromResult(FetchResult.Failure($"demo sample {sample.ResourceName} is broken: {ex.Message}"));
        }
    }
}
