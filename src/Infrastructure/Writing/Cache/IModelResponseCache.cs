namespace Digest.Infrastructure.Writing.Cache;

/// <summary>
/// Answers already paid for, keyed by model + prompt (see <see cref="ModelResponseKey"/>), so a retried run does
/// not pay twice. Only answers that passed validation are stored. The in-memory one lives as long as the process;
/// a database-backed one can replace it.
/// </summary>
public interface IModelResponseCache
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string answerJson, CancellationToken cancellationToken);
}
