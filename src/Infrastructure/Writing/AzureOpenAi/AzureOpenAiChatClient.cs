using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;

namespace Digest.Infrastructure.Writing.AzureOpenAi;

/// <summary>Azure OpenAI: <c>{endpoint}/openai/deployments/{deployment}/chat/completions</c> with an api-key header.</summary>
internal static class AzureOpenAiChatClient
{
    public static IChatClient Create(LlmSettings settings, HttpClient http, string deployment)
    {
        var options = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = ModelHttp.OverallTimeout(settings),
        };
        var client = new AzureOpenAIClient(settings.Endpoint!, new ApiKeyCredential(settings.ApiKey!), options);
        return client.GetChatClient(deployment).AsIChatClient();
    }
}
