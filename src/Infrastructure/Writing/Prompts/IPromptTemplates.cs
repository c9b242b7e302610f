namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>Where the writer gets its prompts by name ("system", "topic", "trending", "prediction", "repair").</summary>
public interface IPromptTemplates
{
    ValueTask<PromptTemplate> GetAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The shipped prompts; the database-backed store replaces this one when it exists.</summary>
public sealed class DefaultPromptTemplates : IPromptTemplates
{
    public ValueTask<PromptTemplate> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DefaultPrompts.All.FirstOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"There is no prompt named \"{name}\"."));
}
