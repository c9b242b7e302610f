using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Tests.Writing;

/// <summary>The model writer as the app registers it (through AddModelWriter), pointed at a fake model server.</summary>
public sealed class WriterHost : IAsyncDisposable
{
    public const string Deployment = "digest-gpt-4o-mini";
    public const string Model = "gpt-4o-mini";

    private readonly ServiceProvider _services;

    private WriterHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public static Dictionary<string, string?> Settings(FakeModelServer server, LlmProvider provider) => new()
    {
        ["Digest:Llm:Provider"] = provider.ToString(),
        ["Digest:Llm:Endpoint"] = (provider == LlmProvider.AzureOpenAI ? server.AzureEndpoint : server.OpenAiEndpoint).ToString(),
        ["Digest:Llm:ApiKey"] = server.ApiKey,
        ["Digest:Llm:Deployment"] = Deployment,
        ["Digest:Llm:Model"] = Model,
        ["Digest:Llm:MaxParallelism"] = "1",
        ["Digest:Llm:RunTokenBudget"] = "0",
        ["Digest:Llm:MaxRetries"] = "3",
        ["Digest:Llm:RetryBaseDelay"] = "00:00:00.020",
        ["Digest:Llm:AttemptTimeout"] = "00:00:10",
        [$"Digest:Llm:Prices:{Deployment}:InputPerMillion"] = "0.15",
        [$"Digest:Llm:Prices:{Deployment}:OutputPerMillion"] = "0.60",
        [$"Digest:Llm:Prices:{Model}:InputPerMillion"] = "0.15",
        [$"Digest:Llm:Prices:{Model}:OutputPerMillion"] = "0.60",
    };

    public static WriterHost Start(FakeModelServer server, LlmProvider provider, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = Settings(server, provider);
        change?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        Assert.True(services.AddModelWriter(configuration));
        return new WriterHost(services.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>A generation run: its own scope, so its own ledger and budget.</summary>
    public Run NewRun() => new(_services.CreateAsyncScope());

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    public sealed class Run(AsyncServiceScope scope) : IAsyncDisposable
    {
        public ModelWriter Writer { get; } = scope.ServiceProvider.GetRequiredService<ModelWriter>();

        public IWriterUsage Usage { get; } = scope.ServiceProvider.GetRequiredService<IWriterUsage>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
