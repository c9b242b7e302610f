using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Digest.TestSupport.FakeModelServer;

/// <summary>
/// A fake OpenAI and Azure OpenAI chat-completions server on 127.0.0.1, for driving the real SDKs in tests.
/// OpenAI wire: <c>POST /v1/chat/completions</c> with <c>Authorization: Bearer {key}</c>.
/// Azure wire: <c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c> with an <c>api-key</c> header.
/// Replies come from the queue (<see cref="Enqueue"/>) in order, then from <see cref="DefaultReply"/>; every
/// request is recorded, including ones answered with an error.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<FakeReply> _queue = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private readonly Lock _gate = new();

    private FakeModelServer(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    /// <summary>The key requests must carry; a wrong or missing key gets a 401 like the real services.</summary>
    public string ApiKey { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What to configure as the OpenAI-compatible endpoint (with <c>/v1</c>).</summary>
    public Uri OpenAiEndpoint => new(BaseAddress, "/v1");

    /// <summary>What to configure as the Azure OpenAI endpoint (the resource root).</summary>
    public Uri AzureEndpoint => BaseAddress;

    /// <summary>Added before every reply, e.g. 200 ms for benchmarks.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Added per kilobyte of request body, so a longer prompt takes longer to answer as it does on a real model (benchmarks).</summary>
    public TimeSpan LatencyPerKilobyte { get; set; }

    /// <summary>Answers requests once the queue is empty; by default a valid answer filled from the requested schema.</summary>
    public Func<RecordedModelRequest, FakeReply> DefaultReply { get; set; } = SchemaAnswer.For;

    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public static async Task<FakeModelServer> StartAsync(string apiKey = "fake-key-0000")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeModelServer(app, apiKey);
        app.MapPost("/v1/chat/completions", context => server.AnswerAsync(context, ModelWire.OpenAI, null));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", context =>
            server.AnswerAsync(context, ModelWire.Azure, context.Request.RouteValues["deployment"] as string));
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(params FakeReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _queue.Enqueue(reply);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, ModelWire wire, string? deployment)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedModelRequest(wire, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow, deployment);
        FakeReply? queued;
        lock (_gate)
        {
            _requests.Add(request);
            _queue.TryDequeue(out queued);
        }

        if (!Authorised(context, wire))
        {
            await Error(context, 401, "invalid_api_key", "Incorrect API key provided.");
            return;
        }

        if (wire == ModelWire.Azure && !context.Request.Query.ContainsKey("api-version"))
        {
            await Error(context, 404, "404", "Resource not found (no api-version).");
            return;
        }

        var reply = queued ?? DefaultReply(request);
        var wait = Latency + reply.Delay + (LatencyPerKilobyte * (body.Length / 1024.0));
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Status != 200)
        {
            await Error(context, reply.Status, reply.Status == 429 ? "rate_limit_exceeded" : "server_error", $"Fake error {reply.Status}.");
            return;
        }

        var model = deployment ?? request.Model ?? "fake-model";
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content ?? "" },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = reply.PromptTokens,
                ["completion_tokens"] = reply.CompletionTokens,
                ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(completion.ToJsonString());
    }

    private bool Authorised(HttpContext context, ModelWire wire) => wire switch
    {
        ModelWire.Azure => context.Request.Headers["api-key"] == ApiKey,
        _ => context.Request.Headers.Authorization == $"Bearer {ApiKey}",
    };

    private static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = code, ["code"] = code } };
        return context.Response.WriteAsync(error.ToJsonString());
    }
}
