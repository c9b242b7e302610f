namespace Digest.Infrastructure.Writing.Cache;

/// <summary>Remembers nothing: for dry runs, which must show what the model says now.</summary>
public sealed class NoModelResponseCache : IModelResponseCache
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task SetAsync(string key, string answerJson, CancellationToken cancellationToken) => Task.CompletedTask;
}
