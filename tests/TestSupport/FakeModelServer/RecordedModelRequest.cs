using System.Text.Json;

namespace Digest.TestSupport.FakeModelServer;

public enum ModelWire
{
    OpenAI,
    Azure,
}

/// <summary>One request as the fake server received it, for tests to assert on prompts and headers.</summary>
public sealed record RecordedModelRequest(
    ModelWire Wire,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    string? Deployment)
{
    private JsonElement Root => Parse(Body);

    public string? Model => Root.TryGetProperty("model", out var model) ? model.GetString() : null;

    /// <summary>The messages in order, as (role, text) pairs.</summary>
    public IReadOnlyList<(string Role, string Text)> Messages =>
        [.. Root.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString() ?? "", TextOf(m.GetProperty("content"))))];

    public string SystemPrompt => string.Join("\n", Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Text));

    /// <summary>The last user message.</summary>
    public string UserPrompt => Messages.LastOrDefault(m => m.Role == "user").Text ?? "";

    /// <summary>"json_schema", "json_object", "text" or null when no response_format was sent.</summary>
    public string? ResponseFormatType =>
        Root.TryGetProperty("response_format", out var format) && format.TryGetProperty("type", out var type) ? type.GetString() : null;

    public JsonElement? JsonSchema =>
        Root.TryGetProperty("response_format", out var format) && format.TryGetProperty("json_schema", out var schema) && schema.TryGetProperty("schema", out var inner)
            ? inner.Clone()
            : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    private static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
        _ => "",
    };
}
