using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>The <c>Digest:Grounding</c> settings.</summary>
public sealed record GroundingOptions
{
    public const string SectionName = "Digest:Grounding";

    /// <summary>
    /// After writing, ask the model (the <c>verify</c> prompt) which statements of each section its sources do not
    /// support; its findings join the check's, marked as the model's. Costs one call per section, counted in the
    /// ledger and the budgets. Off by default; ignored without a model.
    /// </summary>
    public bool SecondOpinion { get; init; }

    public static GroundingOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new GroundingOptions { SecondOpinion = bool.TryParse(configuration.GetSection(SectionName)["SecondOpinion"], out var on) && on };
    }
}
