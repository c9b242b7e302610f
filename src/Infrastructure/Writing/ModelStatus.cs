using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Writing;

/// <summary>
/// Which writer is configured, as the dashboard needs to know it: whether a model can regenerate a section, what it is
/// called, and the currency its prices (and so every estimated cost) are in. Registered whatever the provider, unlike
/// <see cref="LlmSettings"/>, which exists only when a model does.
/// </summary>
public sealed record ModelStatus(LlmProvider Provider, string? ModelName, string Currency)
{
    public const string DefaultCurrency = "USD";

    /// <summary>One sentence for screens that offer model features while none is configured.</summary>
    public const string HowToConfigure =
        "No model is configured, so sections cannot be regenerated: set Digest:Llm:Provider to AzureOpenAI or OpenAI, with its endpoint and model (see the README).";

    public bool IsConfigured => Provider != LlmProvider.Offline;

    /// <summary>Reads <c>Digest:Llm:Provider</c>, the model or deployment name, and <c>Digest:Llm:Currency</c> (default USD).
    /// An unknown provider reads as Offline here; the writer's own registration refuses it at start-up.</summary>
    public static ModelStatus From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmSettings.SectionName);
        var provider = Enum.TryParse<LlmProvider>(section["Provider"]?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : LlmProvider.Offline;
        var model = provider == LlmProvider.AzureOpenAI ? section["Deployment"] : section["Model"];
        var currency = section["Currency"] is { Length: > 0 } code ? code.Trim().ToUpperInvariant() : DefaultCurrency;
        return new ModelStatus(provider, string.IsNullOrWhiteSpace(model) ? null : model.Trim(), currency);
    }
}
