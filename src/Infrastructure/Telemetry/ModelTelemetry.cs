using Digest.Domain.Generation;
using Digest.Infrastructure.Writing.Usage;

namespace Digest.Infrastructure.Telemetry;

/// <summary>Tokens, cost and calls of the model, as the cost ledger records them, by model and purpose.</summary>
internal static class ModelTelemetry
{
    public static void Record(ModelCall call, ModelCallPurpose purpose)
    {
        var model = new KeyValuePair<string, object?>("gen_ai.request.model", call.Model);
        var why = new KeyValuePair<string, object?>("digest.purpose", purpose.ToString());
        var outcome = call.FromCache ? "cached" : call.Succeeded ? "succeeded" : "failed";
        DigestTelemetry.ModelCalls.Add(1, model, why, new KeyValuePair<string, object?>("digest.outcome", outcome));
        if (call.FromCache)
        {
            return;
        }

        DigestTelemetry.ModelTokens.Add(call.PromptTokens, model, why, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        DigestTelemetry.ModelTokens.Add(call.CompletionTokens, model, why, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
        DigestTelemetry.ModelCost.Add((double)call.EstimatedCost, model, why);
    }
}
