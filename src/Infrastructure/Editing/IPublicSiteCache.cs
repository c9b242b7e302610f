namespace Digest.Infrastructure.Editing;

/// <summary>Evicts cached public pages and feeds after a change readers must see at once.</summary>
public interface IPublicSiteCache
{
    Task InvalidateAsync(CancellationToken cancellationToken);
}

/// <summary>For hosts without a public site (the command line): nothing is cached, nothing to evict.</summary>
public sealed class NoPublicSiteCache : IPublicSiteCache
{
    public Task InvalidateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
