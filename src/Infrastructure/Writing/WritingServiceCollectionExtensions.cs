using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing.Cache;
using Digest.Infrastructure.Writing.Grounding;
using Digest.Infrastructure.Writing.Offline;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Infrastructure.Writing.Regeneration;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Writing;

public static class WritingServiceCollectionExtensions
{
    /// <summary>
    /// The writer the settings ask for (a model, or the offline writer), over the database: prompts and their
    /// versions, the cost ledger and daily budget, and the response cache live there. Also the prompt dry run
    /// and section regeneration the dashboard uses. Needs the database registered.
    /// </summary>
    public static IServiceCollection AddWriting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PromptLibrary>();
        services.AddScoped<IPromptTemplates, DatabasePromptTemplates>();
        services.AddSingleton<IModelResponseCache, DatabaseModelResponseCache>();
        services.AddSingleton<IModelCallJournal, DatabaseModelCallJournal>();
        // A reservation outlives its call only when the process died mid-call; then it lapses after the longest a call can take.
        services.AddSingleton<ITokenReservations>(sp => new DatabaseTokenReservations(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), ModelHttp.OverallTimeout(sp.GetService<LlmSettings>() ?? new LlmSettings())));
        services.AddScoped<WriterRunContext>();
        services.AddScoped<PromptDryRun>();
        services.AddScoped<SectionRegenerator>();
        services.AddSingleton(ModelStatus.From(configuration));
        services.AddSingleton(GroundingOptions.From(configuration));
        services.TryAddSingleton(Sources.Discussions.CommentOptions.From(configuration));
        services.TryAddScoped<PostGrounding>();
        services.AddScoped<DraftGrounding>();
        if (!services.AddModelWriter(configuration))
        {
            services.AddScoped<IDigestWriter, OfflineDigestWriter>();
        }

        return services;
    }
}
