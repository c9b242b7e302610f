using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Digest.Infrastructure.Writing.OpenAiCompatible;

/// <summary>OpenAI itself, or any server speaking its API (Ollama, vLLM, llama.cpp server, LM Studio) at <c>{endpoint}/chat/completions</c>.</summary>
internal static class OpenAiCompatibleChatClient
{
    // Local servers ignore the key, but the SDK will not send a request without one.
    private const string KeyForKeylessServers = "no-key";

    public static IChatClient Create(LlmSettings settings, HttpClient http, string model)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = ModelHttp.OverallTimeout(settings),
        };
        if (settings.Endpoint is not null)
        {
            options.Endpoint = WithApiPath(settings.Endpoint);
        }

        var key = string.IsNullOrWhiteSpace(settings.ApiKey) ? KeyForKeylessServers : settings.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
    }

    /// <summary>
    /// Ollama, vLLM, llama.cpp and LM Studio serve the API under <c>/v1</c>; an endpoint given as a bare host
    /// (<c>http://localhost:11434</c>) gets it added, any other path is taken as meant.
    /// </summary>
    public static Uri WithApiPath(Uri endpoint) =>
        endpoint.AbsolutePath is "" or "/" ? new Uri(endpoint, "/v1") : endpoint;
}
