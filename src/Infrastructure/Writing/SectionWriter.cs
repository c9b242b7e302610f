using System.ClientModel;
using System.Text.Json;
using Digest.Domain.Posts;
using Digest.Infrastructure.Writing.Cache;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Digest.Infrastructure.Writing;

/// <summary>
/// Writes one section as structured output: cache, budget, one model call, validation, one repair, ledger.
/// A section that cannot be written comes back as null with its reason in the ledger; it never throws for a
/// model failure, so the rest of the draft is still written.
/// </summary>
internal sealed class SectionWriter(
    IChatClient chat,
    LlmSettings settings,
    WriterLedger ledger,
    IModelResponseCache cache,
    ModelCallGate gate,
    IPromptTemplates prompts,
    TimeProvider time,
    ILogger logger)
{
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;
    private static readonly Dictionary<string, string> NoValues = [];

    public async Task<T?> WriteAsync<T>(SectionKind kind, string label, string templateName, IReadOnlyDictionary<string, string> values, DateOnly edition, CancellationToken cancellationToken)
        where T : class, IModelAnswer
    {
        var section = $"{kind} \"{label}\"";
        var template = await prompts.GetAsync(templateName, cancellationToken);
        var system = (await prompts.GetAsync(DefaultPrompts.System.Name, cancellationToken)).Render(NoValues);
        var user = template.Render(values);
        var key = ModelResponseKey.For(settings.Provider, settings.ModelName, typeof(T).Name, system, user);

        if (await cache.GetAsync(key, cancellationToken) is { } cachedJson && Parse<T>(cachedJson, edition).Answer is { } cached)
        {
            ledger.Record(new ModelCall(section, settings.ModelName, template.Id, 0, 0, TimeSpan.Zero, 0m, FromCache: true, IsRepair: false, Succeeded: true));
            ledger.Record(new SectionOutcome(kind, label, SectionWriteStatus.Cached, null));
            logger.LogInformation("{Section}: served from the response cache", section);
            return cached;
        }

        using var slot = await gate.EnterAsync(cancellationToken);
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        var first = await CallAsync<T>(messages, section, template.Id, isRepair: false, cancellationToken);
        if (first.Problem is { } failedCall)
        {
            return Give<T>(kind, label, null, failedCall);
        }

        var (answer, problems) = Parse<T>(first.Text, edition);
        if (answer is null)
        {
            logger.LogWarning("{Section}: the model's answer was unusable ({Problems}); asking once more", section, string.Join("; ", problems));
            messages.Add(new ChatMessage(ChatRole.Assistant, first.Text));
            var repair = await prompts.GetAsync(DefaultPrompts.Repair.Name, cancellationToken);
            messages.Add(new ChatMessage(ChatRole.User, repair.Render(new Dictionary<string, string> { ["problems"] = string.Join("; ", problems) + "." })));
            var second = await CallAsync<T>(messages, section, repair.Id, isRepair: true, cancellationToken);
            if (second.Problem is { } failedRepair)
            {
                return Give<T>(kind, label, null, failedRepair);
            }

            (answer, problems) = Parse<T>(second.Text, edition);
            if (answer is null)
            {
                return Give<T>(kind, label, null, $"failed: the model's answer was unusable twice ({string.Join("; ", problems)})");
            }
        }

        await cache.SetAsync(key, JsonSerializer.Serialize(answer, Json), cancellationToken);
        return Give(kind, label, answer, null);
    }

    private T? Give<T>(SectionKind kind, string label, T? answer, string? problem)
        where T : class
    {
        var status = answer is not null ? SectionWriteStatus.Written
            : problem == SectionOutcome.BudgetReachedReason ? SectionWriteStatus.SkippedBudget
            : SectionWriteStatus.Failed;
        ledger.Record(new SectionOutcome(kind, label, status, problem));
        if (problem is not null)
        {
            logger.LogWarning("{Kind} \"{Label}\" was not written: {Problem}", kind, label, problem);
        }

        return answer;
    }

    private async Task<(string Text, string? Problem)> CallAsync<T>(List<ChatMessage> messages, string section, string prompt, bool isRepair, CancellationToken cancellationToken)
    {
        var reserved = EstimatePromptTokens(messages) + settings.MaxOutputTokens;
        if (!ledger.TryReserve(reserved))
        {
            return ("", SectionOutcome.BudgetReachedReason);
        }

        var options = new ChatOptions { MaxOutputTokens = settings.MaxOutputTokens };
        var started = time.GetTimestamp();
        try
        {
            var response = await chat.GetResponseAsync<T>(messages, Json, options, useJsonSchemaResponseFormat: true, cancellationToken);
            var latency = time.GetElapsedTime(started);
            var promptTokens = (int)(response.Usage?.InputTokenCount ?? 0);
            var completionTokens = (int)(response.Usage?.OutputTokenCount ?? 0);
            var price = settings.PriceOf(settings.ModelName) ?? settings.PriceOf(response.ModelId);
            var cost = price?.CostOf(promptTokens, completionTokens) ?? 0m;
            ledger.Record(new ModelCall(section, settings.ModelName, prompt, promptTokens, completionTokens, latency, cost, FromCache: false, isRepair, Succeeded: true), reserved);
            logger.LogInformation(
                "{Section}: {Model} answered in {LatencyMs} ms, {PromptTokens} prompt + {CompletionTokens} completion tokens, estimated cost {Cost}",
                section, settings.ModelName, (int)latency.TotalMilliseconds, promptTokens, completionTokens, cost);
            return (response.Text, null);
        }
        catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
        {
            var latency = time.GetElapsedTime(started);
            ledger.Record(new ModelCall(section, settings.ModelName, prompt, 0, 0, latency, 0m, FromCache: false, isRepair, Succeeded: false), reserved);
            return ("", "failed: " + Describe(ex));
        }
    }

    private static bool IsModelFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ClientResultException or HttpRequestException or TimeoutRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private string Describe(Exception ex) => ex switch
    {
        ClientResultException { Status: > 0 } result => $"the model service answered HTTP {result.Status} after {settings.MaxRetries} retries",
        TimeoutRejectedException or OperationCanceledException => $"the model did not answer within {settings.AttemptTimeout.TotalSeconds:0} s, {settings.MaxRetries} retries included",
        _ => $"the model service could not be reached ({ex.Message})",
    };

    // About three characters a token for English prose; erring high keeps the budget from being overrun.
    private static int EstimatePromptTokens(List<ChatMessage> messages) =>
        messages.Sum(m => (m.Text.Length / 3) + 8);

    internal static (T? Answer, IReadOnlyList<string> Problems) Parse<T>(string text, DateOnly edition)
        where T : class, IModelAnswer
    {
        T? answer;
        try
        {
            answer = JsonSerializer.Deserialize<T>(StripCodeFence(text), Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"it is not valid JSON ({ex.Message.Split('.')[0]})"]);
        }

        if (answer is null)
        {
            return (null, ["it is empty"]);
        }

        var problems = answer.Problems(edition);
        return problems.Count == 0 ? (answer, problems) : (null, problems);
    }

    // Some local models wrap JSON in a Markdown fence even in JSON mode.
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && lastFence > firstLineEnd ? trimmed[(firstLineEnd + 1)..lastFence].Trim() : trimmed;
    }
}
