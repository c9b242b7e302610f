using Digest.Domain.Generation;
using Digest.Infrastructure.Writing.Cache;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Writing;

public static class ModelWriterRegistration
{
    /// <summary>
    /// Registers the model writer for <c>Digest:Llm:Provider</c>. Returns false and registers nothing for Offline
    /// (the caller registers the offline writer then). Throws at start-up, naming the setting, when the provider is
    /// unknown or its endpoint, key or model is missing — never echoing the key.
    /// <para>
    /// Scoped: <see cref="IDigestWriter"/> and <see cref="IWriterUsage"/> resolved from the same scope share one
    /// ledger, so resolve both in a fresh scope per generation run.
    /// </para>
    /// </summary>
    public static bool AddModelWriter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmSettings.SectionName);
        var provider = ParseProvider(section["Provider"]);
        if (provider == LlmProvider.Offline)
        {
            return false;
        }

        var settings = new LlmSettings();
        section.Bind(settings);
        settings.Provider = provider;
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"The model writer cannot start: {string.Join(" ", problems)}");
        }

        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModelResponseCache, InMemoryModelResponseCache>();
        services.TryAddSingleton<IPromptTemplates, DefaultPromptTemplates>();
        services.TryAddSingleton<IModelCallJournal, NoModelCallJournal>();
        services.TryAddScoped<WriterRunContext>();
        services.AddSingleton(new ModelCallGate(settings.MaxParallelism));
        services.TryAddSingleton<ITokenReservations>(sp => new InProcessTokenReservations(sp.GetRequiredService<IModelCallJournal>()));
        services.AddSingleton(sp => new DailyTokenBudget(settings.DailyTokenBudget, sp.GetRequiredService<ITokenReservations>()));
        ModelHttp.Add(services, settings);
        services.AddSingleton<ModelChatClientFactory>();
        services.AddScoped(sp => new WriterLedger(
            settings.RunTokenBudget,
            sp.GetRequiredService<DailyTokenBudget>(),
            sp.GetRequiredService<IModelCallJournal>(),
            sp.GetRequiredService<WriterRunContext>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IWriterUsage>(sp => sp.GetRequiredService<WriterLedger>());
        services.AddScoped(sp => new ModelWriter(
            sp.GetRequiredService<ModelChatClientFactory>().PerModel(),
            settings,
            sp.GetRequiredService<WriterLedger>(),
            sp.GetRequiredService<IModelResponseCache>(),
            sp.GetRequiredService<ModelCallGate>(),
            sp.GetRequiredService<IPromptTemplates>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ModelWriter>>()));
        services.AddScoped<IDigestWriter>(sp => sp.GetRequiredService<ModelWriter>());
        return true;
    }

    private static LlmProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return LlmProvider.Offline;
        }

        return Enum.TryParse<LlmProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{LlmSettings.SectionName}:Provider is \"{value}\"; use one of {string.Join(", ", Enum.GetNames<LlmProvider>())}.");
    }
}
