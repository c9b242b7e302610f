using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;

namespace Digest.Infrastructure.Writing.AzureOpenAi;

/// <summary>
/// Azure OpenAI: <c>{endpoint}/openai/deployments/{deployment}/chat/completions</c>, with the resource key in an
/// api-key header, or, when no key is configured, a token for the host's Azure identity (DefaultAzureCredential).
/// </summary>
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
        var client = string.IsNullOrEmpty(settings.ApiKey)
            ? new AzureOpenAIClient(settings.Endpoint!, new DefaultAzureCredential(), options)
            : new AzureOpenAIClient(settings.Endpoint!, new ApiKeyCredential(settings.ApiKey), options);
        return client.GetChatClient(deployment).AsIChatClient();
    }
}
