using System.Collections.Concurrent;
using Digest.Infrastructure.Writing.AzureOpenAi;
using Digest.Infrastructure.Writing.OpenAiCompatible;
using Microsoft.Extensions.AI;

namespace Digest.Infrastructure.Writing;

/// <summary>Makes the configured provider's chat client over a fresh HttpClient from the factory (so handlers rotate).</summary>
internal sealed class ModelChatClientFactory(LlmSettings settings, IHttpClientFactory httpClients)
{
    public IChatClient Create() => Create(settings.ModelName);

    /// <summary>A client for <paramref name="model"/>: the deployment name for Azure, the model name otherwise.</summary>
    public IChatClient Create(string model)
    {
        var http = httpClients.CreateClient(ModelHttp.ClientName);
        var client = settings.Provider switch
        {
            LlmProvider.AzureOpenAI => AzureOpenAiChatClient.Create(settings, http, model),
            LlmProvider.OpenAI => OpenAiCompatibleChatClient.Create(settings, http, model),
            _ => throw new InvalidOperationException($"{settings.Provider} has no model client."),
        };
        // GenAI spans and metrics (OpenTelemetry semantic conventions); prompts and answers stay out of them.
        return client.AsBuilder().UseOpenTelemetry(sourceName: Telemetry.DigestTelemetry.ModelSourceName).Build();
    }

    /// <summary>One client per model for the life of a scope (a run), made when first needed.</summary>
    public Func<string, IChatClient> PerModel()
    {
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.OrdinalIgnoreCase);
        return model => clients.GetOrAdd(model, Create);
    }
}
