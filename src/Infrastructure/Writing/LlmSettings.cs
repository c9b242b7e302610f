namespace Digest.Infrastructure.Writing;

/// <summary>
/// The <c>Digest:Llm</c> section. The key is a secret: it comes from configuration, environment or user-secrets
/// and is never logged or shown back (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed class LlmSettings
{
    public const string SectionName = "Digest:Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.Offline;
    public Uri? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>The Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }
    /// <summary>The model name for OpenAI-compatible servers, e.g. "gpt-4o-mini" or "llama3.1:8b".</summary>
    public string? Model { get; set; }
    /// <summary>How many sections are written at once.</summary>
    public int MaxParallelism { get; set; } = 4;
    /// <summary>Most tokens (prompt + completion) one run may use; 0 means no limit.</summary>
    public int RunTokenBudget { get; set; } = 100_000;
    /// <summary>
    /// Most tokens one model may use in a day (the schedule's time zone), summed over the cost ledger: runs,
    /// regenerations and dry runs together; 0 means no limit.
    /// </summary>
    public long DailyTokenBudget { get; set; }
    /// <summary>
    /// A cheaper model (deployment name for Azure) that writes the remaining sections once a budget of the main
    /// model is reached; it has budgets of its own of the same size. Null: the remaining sections are left unwritten.
    /// </summary>
    public string? FallbackModel { get; set; }
    /// <summary>Cap on one answer; also what a call is assumed to cost before it is made, for the budget.</summary>
    public int MaxOutputTokens { get; set; } = 1_000;
    /// <summary>One attempt is abandoned (and retried) after this long.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// One call with all its retries is abandoned after this long; the section is left for the editor with a note.
    /// With the run's deadline (<c>Digest:Generation:RunDeadline</c>) this bounds what a model that never answers costs.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(120);
    /// <summary>Retries after a 429, a 5xx or a timeout; a Retry-After header sets the wait when present.</summary>
    public int MaxRetries { get; set; } = 4;
    /// <summary>First backoff delay when the server gives no Retry-After; doubles with each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Prices per model name (deployment name for Azure), in the owner's currency per million tokens.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fallback model, or null when none is configured.</summary>
    public string? Fallback => string.IsNullOrWhiteSpace(FallbackModel) ? null : FallbackModel.Trim();

    /// <summary>What the writer is called on drafts and in the run ledger: the deployment or model name.</summary>
    public string ModelName => (Provider == LlmProvider.AzureOpenAI ? Deployment : Model) ?? "";

    public ModelPrice? PriceOf(string? model) =>
        model is not null && Prices.TryGetValue(model, out var price) ? price : null;

    /// <summary>What is missing or wrong, in words an operator can act on; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (Provider)
        {
            case LlmProvider.AzureOpenAI:
                RequireEndpoint(problems, required: true);
                // Without a key the Azure identity of the host is used (managed identity, workload identity, az login).
                Require(problems, Deployment, "Deployment", "the deployment name");
                break;
            case LlmProvider.OpenAI:
                RequireEndpoint(problems, required: false);
                Require(problems, Model, "Model", "the model name, e.g. gpt-4o-mini or llama3.1:8b");
                if (Endpoint is null)
                {
                    Require(problems, ApiKey, "ApiKey", "an OpenAI API key (or set Digest:Llm:Endpoint for a local server)");
                }

                break;
        }

        if (Provider != LlmProvider.Offline)
        {
            if (MaxParallelism < 1)
            {
                problems.Add($"{SectionName}:MaxParallelism must be at least 1.");
            }

            if (RunTokenBudget < 0)
            {
                problems.Add($"{SectionName}:RunTokenBudget must be 0 (no limit) or more.");
            }

            if (AttemptTimeout <= TimeSpan.Zero || CallTimeout <= TimeSpan.Zero)
            {
                problems.Add($"{SectionName}:AttemptTimeout and CallTimeout must be above zero.");
            }

            if (DailyTokenBudget < 0)
            {
                problems.Add($"{SectionName}:DailyTokenBudget must be 0 (no limit) or more.");
            }

            if (Fallback is { } fallback && string.Equals(fallback, ModelName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{SectionName}:FallbackModel must differ from the main model, or budgets would never hold.");
            }
        }

        return problems;
    }

    public override string ToString() =>
        $"Provider={Provider}, Endpoint={Endpoint}, Model={ModelName}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, " +
        $"MaxParallelism={MaxParallelism}, RunTokenBudget={RunTokenBudget}, DailyTokenBudget={DailyTokenBudget}, FallbackModel={FallbackModel ?? "(none)"}";

    private void RequireEndpoint(List<string> problems, bool required)
    {
        if (Endpoint is null)
        {
            if (required)
            {
                problems.Add($"{SectionName}:Endpoint is required for {Provider}, e.g. https://my-resource.openai.azure.com/.");
            }
        }
        else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:Endpoint must be an absolute http(s) address.");
        }
    }

    private void Require(List<string> problems, string? value, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{SectionName}:{name} is required for {Provider}: {what}.");
        }
    }
}

/// <summary>What a model costs per million tokens; <c>Digest:Llm:Prices:&lt;model&gt;:InputPerMillion</c> / <c>OutputPerMillion</c>.</summary>
public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }

    public decimal CostOf(int promptTokens, int completionTokens) =>
        ((promptTokens * InputPerMillion) + (completionTokens * OutputPerMillion)) / 1_000_000m;
}
