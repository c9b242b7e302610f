using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// The writer's prompts from the database. One per scope (a run): the first read of each name is kept, so a
/// run uses one version throughout even if an admin saves a new one meanwhile. Sections are written in
/// parallel, so the database is read through a scope of its own.
/// </summary>
public sealed class DatabasePromptTemplates(IServiceScopeFactory scopes) : IPromptTemplates
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PromptTemplate>>> _read = new(StringComparer.Ordinal);

    public async ValueTask<PromptTemplate> GetAsync(string name, CancellationToken cancellationToken) =>
        await _read.GetOrAdd(name, n => new Lazy<Task<PromptTemplate>>(() => ReadAsync(n))).Value.WaitAsync(cancellationToken);

    private async Task<PromptTemplate> ReadAsync(string name)
    {
        await using var scope = scopes.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<PromptLibrary>();
        return await library.FindActiveAsync(name, CancellationToken.None)
            ?? throw new InvalidOperationException($"There is no prompt named \"{name}\".");
    }
}
