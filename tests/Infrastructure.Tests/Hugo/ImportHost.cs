using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Predictions;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Hugo;

/// <summary>A migrated database of either provider with the importer, exporter and prediction history over it.</summary>
internal sealed class ImportHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private ImportHost(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public static async Task<ImportHost> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        ImportHost? host = null;
        var services = database.BuildServices(s =>
        {
            s.AddSingleton<TimeProvider>(_ => host!.Clock);
            s.AddPublishing();
            s.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
            s.AddHugoImportExport();
            s.AddPredictions();
            s.AddQualityGate(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            s.AddScoped<PostEditor>();
        });
        host = new ImportHost(database, services);
        return host;
    }

    public async Task<HugoImportReport> ImportAsync(IEnumerable<HugoArchiveEntry> entries, HugoImportOptions? options = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HugoImporter>().ImportAsync(entries, options);
    }

    public Task<HugoImportReport> ImportFolderAsync(string folder, HugoImportOptions? options = null) =>
        ImportAsync(HugoArchiveReader.ReadFolder(folder), options);

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Files written for one test, in a temp folder removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("digest-import-").FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void CopySeedArchive()
    {
        foreach (var name in SeedArchive.FileNames)
        {
            File.Copy(System.IO.Path.Combine(SeedArchive.Path, name), System.IO.Path.Combine(Path, name));
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
