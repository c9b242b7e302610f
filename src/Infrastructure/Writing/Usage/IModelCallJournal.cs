using Digest.Domain.Generation;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>Where the cost ledger is kept: every model call, as it finishes.</summary>
public interface IModelCallJournal
{
    Task RecordAsync(ModelCallEntry entry, CancellationToken cancellationToken);

    /// <summary>Tokens <paramref name="model"/> was sent and gave back today (in the schedule's time zone); cached answers cost none.</summary>
    Task<long> TokensUsedTodayAsync(string model, CancellationToken cancellationToken);
}

/// <summary>For hosts without a database (the writer on its own, in tests): nothing is kept, nothing was spent before.</summary>
public sealed class NoModelCallJournal : IModelCallJournal
{
    public Task RecordAsync(ModelCallEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long> TokensUsedTodayAsync(string model, CancellationToken cancellationToken) => Task.FromResult(0L);
}
