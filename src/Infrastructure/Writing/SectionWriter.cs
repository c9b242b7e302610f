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

/// <summary>An addition to a section's prompt (a rewrite instruction); a section written with one is never cached.</summary>
internal sealed record PromptAddendum(PromptTemplate Template, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Writes one section as structured output: cache, budget, one model call, validation, one repair, ledger.
/// When the main model's budget is reached and a fallback model is configured, the fallback writes the section.
/// A section that cannot be written comes back as null with its reason in the ledger; it never throws for a
/// model failure, so the rest of the draft is still written.
/// </summary>
internal sealed class SectionWriter(
    Func<string, IChatClient> chatFor,
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

    /// <param name="recordOutcome">False for calls that check a section rather than write it (the second opinion):
    /// their outcome must not stand for the section's in <see cref="IWriterUsage.ProblemWith"/>.</param>
    public async Task<T?> WriteAsync<T>(SectionKind kind, string label, string templateName, IReadOnlyDictionary<string, string> values, DateOnly edition, CancellationToken cancellationToken, PromptAddendum? addendum = null, bool recordOutcome = true)
        where T : class, IModelAnswer
    {
        var section = recordOutcome ? $"{kind} \"{label}\"" : $"Check of {kind} \"{label}\"";
        var template = await prompts.GetAsync(templateName, cancellationToken);
        var system = (await prompts.GetAsync(DefaultPrompts.System.Name, cancellationToken)).Render(NoValues);
        var user = template.Render(values);
        var promptId = template.Id;
        if (addendum is not null)
        {
            user += "\n\n" + addendum.Template.Render(addendum.Values);
            promptId += "+" + addendum.Template.Id;
        }

        // A rewrite is asked for because the editor wants different text: the same answer again would be no help.
        var useCache = addendum is null;
        string? refusal = null;
        IDisposable? slot = null;
        var deadline = ledger.Context.Deadline;
        try
        {
            foreach (var model in ModelsToTry())
            {
                if (deadline.IsCancellationRequested)
                {
                    return Give<T>(kind, label, null, SectionOutcome.DeadlineReason, null, recordOutcome);
                }

                var key = ModelResponseKey.For(settings.Provider, model, typeof(T).Name, system, user);
                if (useCache && await cache.GetAsync(key, cancellationToken) is { } cachedJson && Parse<T>(cachedJson, edition).Answer is { } cached)
                {
                    await ledger.RecordAsync(new ModelCall(section, model, promptId, 0, 0, TimeSpan.Zero, 0m, FromCache: true, IsRepair: false, Succeeded: true), null);
                    if (recordOutcome)
                    {
                        ledger.Record(new SectionOutcome(kind, label, SectionWriteStatus.Cached, null, model));
                    }

                    logger.LogInformation("{Section}: served from the response cache", section);
                    return cached;
                }

                slot ??= await EnterGateAsync(deadline, cancellationToken);
                if (slot is null)
                {
                    return Give<T>(kind, label, null, SectionOutcome.DeadlineReason, null, recordOutcome);
                }

                var attempt = await WriteWithAsync<T>(model, system, user, section, promptId, edition, cancellationToken);
                if (attempt.Refusal is { } budget)
                {
                    refusal = budget;
                    continue;
                }

                if (attempt.Answer is { } answer)
                {
                    if (useCache)
                    {
                        await cache.SetAsync(key, JsonSerializer.Serialize(answer, Json), cancellationToken);
                    }

                    return Give(kind, label, answer, null, model, recordOutcome);
                }

                return Give<T>(kind, label, null, attempt.Problem, model, recordOutcome);
            }
        }
        finally
        {
            slot?.Dispose();
        }

        return Give<T>(kind, label, null, refusal ?? SectionOutcome.BudgetReachedReason, null, recordOutcome);
    }

    /// <summary>A writing slot, or null when the run's deadline passes while waiting for one.</summary>
    private async Task<IDisposable?> EnterGateAsync(CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        try
        {
            return await gate.EnterAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private IEnumerable<string> ModelsToTry()
    {
        yield return settings.ModelName;
        if (settings.Fallback is { } fallback)
        {
            yield return fallback;
        }
    }

    private async Task<(T? Answer, string? Problem, string? Refusal)> WriteWithAsync<T>(string model, string system, string user, string section, string promptId, DateOnly edition, CancellationToken cancellationToken)
        where T : class, IModelAnswer
    {
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        var first = await CallAsync<T>(model, messages, section, promptId, isRepair: false, cancellationToken);
        if (first.Refusal is not null || first.Problem is not null)
        {
            return (null, first.Problem, first.Refusal);
        }

        var (answer, problems) = Parse<T>(first.Text, edition);
        if (answer is not null)
        {
            return (answer, null, null);
        }

        logger.LogWarning("{Section}: the model's answer was unusable ({Problems}); asking once more", section, string.Join("; ", problems));
        messages.Add(new ChatMessage(ChatRole.Assistant, first.Text));
        var repair = await prompts.GetAsync(DefaultPrompts.Repair.Name, cancellationToken);
        messages.Add(new ChatMessage(ChatRole.User, repair.Render(new Dictionary<string, string> { ["problems"] = string.Join("; ", problems) + "." })));
        var second = await CallAsync<T>(model, messages, section, repair.Id, isRepair: true, cancellationToken);
        if (second.Refusal is not null || second.Problem is not null)
        {
            // A repair refused for budget still leaves the section unwritten; it is not worth a fallback's first try.
            return (null, second.Problem ?? second.Refusal, null);
        }

        (answer, problems) = Parse<T>(second.Text, edition);
        return answer is not null
            ? (answer, null, null)
            : (null, $"failed: the model's answer was unusable twice ({string.Join("; ", problems)})", null);
    }

    private T? Give<T>(SectionKind kind, string label, T? answer, string? problem, string? model, bool recordOutcome)
        where T : class
    {
        var status = answer is not null ? SectionWriteStatus.Written
            : SectionOutcome.IsBudgetReason(problem) ? SectionWriteStatus.SkippedBudget
            : problem == SectionOutcome.DeadlineReason ? SectionWriteStatus.SkippedDeadline
            : SectionWriteStatus.Failed;
        if (recordOutcome)
        {
            ledger.Record(new SectionOutcome(kind, label, status, problem, answer is null ? null : model));
        }

        if (problem is not null)
        {
            logger.LogWarning("{Kind} \"{Label}\" was not written: {Problem}", kind, label, problem);
        }

        return answer;
    }

    private async Task<(string Text, string? Problem, string? Refusal)> CallAsync<T>(string model, List<ChatMessage> messages, string section, string prompt, bool isRepair, CancellationToken cancellationToken)
    {
        var estimate = EstimatePromptTokens(messages) + settings.MaxOutputTokens;
        var (reservation, refusal) = await ledger.TryReserveAsync(model, estimate, cancellationToken);
        if (reservation is null)
        {
            return ("", null, refusal);
        }

        var options = new ChatOptions { MaxOutputTokens = settings.MaxOutputTokens };
        var started = time.GetTimestamp();
        // One call (its retries included) gets CallTimeout, and never outlives the run's deadline.
        var deadline = ledger.Context.Deadline;
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        call.CancelAfter(settings.CallTimeout);
        try
        {
            var response = await chatFor(model).GetResponseAsync<T>(messages, Json, options, useJsonSchemaResponseFormat: true, call.Token);
            var latency = time.GetElapsedTime(started);
            var promptTokens = (int)(response.Usage?.InputTokenCount ?? 0);
            var completionTokens = (int)(response.Usage?.OutputTokenCount ?? 0);
            var price = settings.PriceOf(model) ?? settings.PriceOf(response.ModelId);
            var cost = price?.CostOf(promptTokens, completionTokens) ?? 0m;
            await ledger.RecordAsync(new ModelCall(section, model, prompt, promptTokens, completionTokens, latency, cost, FromCache: false, isRepair, Succeeded: true), reservation);
            logger.LogInformation(
                "{Section}: {Model} answered in {LatencyMs} ms, {PromptTokens} prompt + {CompletionTokens} completion tokens, estimated cost {Cost}",
                section, model, (int)latency.TotalMilliseconds, promptTokens, completionTokens, cost);
            return (response.Text, null, null);
        }
        catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
        {
            var latency = time.GetElapsedTime(started);
            await ledger.RecordAsync(new ModelCall(section, model, prompt, 0, 0, latency, 0m, FromCache: false, isRepair, Succeeded: false), reservation);
            return ("", deadline.IsCancellationRequested ? SectionOutcome.DeadlineReason : "failed: " + Describe(ex), null);
        }
        catch
        {
            // Cancelled by the caller or a bug: nothing was recorded, so the reservation must not stay held.
            await ledger.RecordAsync(new ModelCall(section, model, prompt, 0, 0, time.GetElapsedTime(started), 0m, FromCache: false, isRepair, Succeeded: false), reservation);
            throw;
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
        TimeoutRejectedException => $"the model did not answer within {settings.AttemptTimeout.TotalSeconds:0} s, {settings.MaxRetries} retries included",
        OperationCanceledException => $"the model did not answer within the call timeout of {settings.CallTimeout.TotalSeconds:0} s (retries included)",
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
