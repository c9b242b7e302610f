using Digest.Domain.Sources;

namespace Digest.Infrastructure.Sources;

/// <summary>
/// Reads one source now. Never changes the <see cref="Source"/>: the caller records the result on it
/// (RecordSuccess / RecordNotModified / RecordFailure) and stores the items. Never throws for a bad source;
/// only cancellation of <paramref name="cancellationToken"/> escapes.
/// </summary>
public interface ISourceFetcher
{
    Task<FetchResult> FetchAsync(Source source, CancellationToken cancellationToken);
}
