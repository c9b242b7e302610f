using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digest.TestSupport.FakeModelServer;

/// <summary>
/// The fake's default answer: a JSON object that fills every string property of the requested schema, so a test
/// that does not care what the model says still gets a valid answer. Properties that look like dates get a year.
/// </summary>
public static class SchemaAnswer
{
    public static FakeReply For(RecordedModelRequest request)
    {
        var answer = new JsonObject();
        if (request.JsonSchema is { } schema && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                // A list (the second opinion's "unsupported") is answered empty: nothing to report.
                answer[property.Name] = IsArray(property.Value) ? new JsonArray() : ValueFor(property.Name);
            }
        }
        else
        {
            answer["text"] = "A fake answer.";
        }

        return FakeReply.Json(answer.ToJsonString());
    }

    private static bool IsArray(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String ? type.GetString() == "array" : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "array"));

    private static string ValueFor(string name) =>
        name.Contains("when", StringComparison.OrdinalIgnoreCase) || name.Contains("date", StringComparison.OrdinalIgnoreCase) || name.Contains("year", StringComparison.OrdinalIgnoreCase)
            ? "March 2099"
            : $"Fake {name} written by the fake model server.";
}
