using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Writing;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

/// <summary>
/// The app's services below the web layer over a real database, with the model writer pointed at a fake model
/// server (or Offline) and the default sources answered from the built-in demo samples (no network). Building a
/// second host over the same database is what a restart looks like.
/// </summary>
public sealed class DraftHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DraftHost(ServiceProvider services) => _services = services;

    public static DraftHost Start(TestDatabase database, FakeModelServer? server, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = server is null
            ? new Dictionary<string, string?> { ["Digest:Llm:Provider"] = "Offline" }
            : WriterHost.Settings(server, LlmProvider.OpenAI);
        settings["Digest:Demo"] = "true";
        change?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new DraftHost(database.BuildServices(services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSourceFetching(configuration);
            services.AddPublishing();
            services.AddWriting(configuration);
            services.AddQualityGate(configuration);
            services.AddIngestion(configuration);
            services.AddGeneration(configuration);
            services.AddScoped<PostEditor>();
            services.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        }));
    }

    public async Task<GenerationResult> GenerateAsync(DateOnly? edition = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftGenerator>().GenerateAsync(edition, "test", CancellationToken.None);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work) => InScopeAsync(s => work(s.GetRequiredService<DigestDbContext>()));

    public Task<List<ModelCallEntry>> LedgerAsync() => WithDbAsync(db => db.Set<ModelCallEntry>().AsNoTracking().OrderBy(c => c.At).ToListAsync());

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
