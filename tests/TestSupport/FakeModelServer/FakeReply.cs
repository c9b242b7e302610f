using System.Text.Json;

namespace Digest.TestSupport.FakeModelServer;

/// <summary>What the fake model server answers to one chat-completion request.</summary>
public sealed record FakeReply
{
    public int Status { get; init; } = 200;
    /// <summary>The assistant message's content (for 200 replies).</summary>
    public string? Content { get; init; }
    public int PromptTokens { get; init; } = 100;
    public int CompletionTokens { get; init; } = 50;
    /// <summary>Waited before answering, on top of the server's <see cref="FakeModelServer.Latency"/>.</summary>
    public TimeSpan Delay { get; init; }
    /// <summary>Sent as a Retry-After header in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 200 whose content is <paramref name="answer"/> serialised as JSON (a string is sent as it is).</summary>
    public static FakeReply Json(object answer, int promptTokens = 100, int completionTokens = 50) => new()
    {
        Content = answer as string ?? JsonSerializer.Serialize(answer),
        PromptTokens = promptTokens,
        CompletionTokens = completionTokens,
    };

    /// <summary>A 200 whose content is not JSON at all.</summary>
    public static FakeReply NotJson(string text = "Sure! Here are the benefits and ramifications you asked for.") => new() { Content = text };

    public static FakeReply TooManyRequests(TimeSpan retryAfter) => new() { Status = 429, RetryAfter = retryAfter };

    public static FakeReply ServerError(int status = 500) => new() { Status = status };

    public FakeReply After(TimeSpan delay) => this with { Delay = delay };
}
