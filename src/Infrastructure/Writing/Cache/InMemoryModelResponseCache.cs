using System.Collections.Concurrent;

namespace Digest.Infrastructure.Writing.Cache;

public sealed class InMemoryModelResponseCache : IModelResponseCache
{
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_answers.TryGetValue(key, out var json) ? json : null);

    public Task SetAsync(string key, string answerJson, CancellationToken cancellationToken)
    {
        _answers[key] = answerJson;
        return Task.CompletedTask;
    }
}
