using Digest.Infrastructure.Writing.AzureOpenAi;
using Digest.Infrastructure.Writing.OpenAiCompatible;
using Microsoft.Extensions.AI;

namespace Digest.Infrastructure.Writing;

/// <summary>Makes the configured provider's chat client over a fresh HttpClient from the factory (so handlers rotate).</summary>
internal sealed class ModelChatClientFactory(LlmSettings settings, IHttpClientFactory httpClients)
{
    public IChatClient Create()
    {
        var http = httpClients.CreateClient(ModelHttp.ClientName);
        return settings.Provider switch
        {
            LlmProvider.AzureOpenAI => AzureOpenAiChatClient.Create(settings, http),
            LlmProvider.OpenAI => OpenAiCompatibleChatClient.Create(settings, http),
            _ => throw new InvalidOperationException($"{settings.Provider} has no model client."),
        };
    }
}
