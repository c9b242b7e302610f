using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport.FakeModelServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class PromptsAreData
{
    [Fact]
    public async Task An_edited_prompt_version_is_what_the_model_receives_and_the_ledger_names_it()
    {
        await using var server = await FakeModelServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPromptTemplates>(new EditedTopicPrompt());
        services.AddModelWriter(new ConfigurationBuilder().AddInMemoryCollection(WriterHost.Settings(server, LlmProvider.OpenAI)).Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ModelWriter>();

        await writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.StartsWith("Shorter please.", Assert.Single(server.Requests).UserPrompt, StringComparison.Ordinal);
        Assert.Equal($"topic@v{DefaultPrompts.Topic.Version + 1}", Assert.Single(writer.Usage.Calls).Prompt);
    }

    [Fact]
    public void Every_shipped_prompt_renders_with_the_values_the_writer_gives_it()
    {
        var values = new Dictionary<string, string> { ["source"] = "s", ["subject"] = "AGI", ["edition"] = "2025-02-05", ["problems"] = "p", ["instruction"] = "shorter", ["current"] = "c", ["section"] = "t" };

        Assert.All(DefaultPrompts.All, template => Assert.DoesNotContain("{{", template.Render(values), StringComparison.Ordinal));
        Assert.Equal(["source"], DefaultPrompts.Topic.Placeholders());
        Assert.Equal(["edition", "subject"], DefaultPrompts.Prediction.Placeholders().Order());
    }

    private sealed class EditedTopicPrompt : IPromptTemplates
    {
        private readonly DefaultPromptTemplates _defaults = new();

        public ValueTask<PromptTemplate> GetAsync(string name, CancellationToken cancellationToken) =>
            name == DefaultPrompts.Topic.Name
                ? ValueTask.FromResult(DefaultPrompts.Topic with { Version = DefaultPrompts.Topic.Version + 1, Text = "Shorter please. " + DefaultPrompts.Topic.Text })
                : _defaults.GetAsync(name, cancellationToken);
    }
}
