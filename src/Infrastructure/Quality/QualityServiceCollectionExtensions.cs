using Digest.Domain.Posts;
using Digest.Infrastructure.Writing.Grounding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Quality;

public static class QualityServiceCollectionExtensions
{
    public const string SectionName = "Digest:Quality";

    /// <summary>The quality gate, with its rules from <c>Digest:Quality</c> (MinSectionWords, MaxSectionWords, RecentPostsToCompare),
    /// and the check of every section against its sources.</summary>
    public static IServiceCollection AddQualityGate(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var rules = new QualityRules
        {
            MinSectionWords = section.GetValue(nameof(QualityRules.MinSectionWords), QualityRules.Default.MinSectionWords),
            MaxSectionWords = section.GetValue(nameof(QualityRules.MaxSectionWords), QualityRules.Default.MaxSectionWords),
            RecentPostsToCompare = section.GetValue(nameof(QualityRules.RecentPostsToCompare), QualityRules.Default.RecentPostsToCompare),
        };
        services.AddSingleton(rules);
        services.AddScoped<QualityGate>();
        // Statements not found in a section's sources are findings like an empty section (ADR 0024).
        services.TryAddScoped<PostGrounding>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IQualityRule, GroundingQualityRule>());
        return services;
    }
}
