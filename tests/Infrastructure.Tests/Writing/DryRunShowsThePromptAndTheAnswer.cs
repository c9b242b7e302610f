using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class DryRunShowsThePromptAndTheAnswer
{
    [Fact]
    public async Task Unsaved_prompt_text_is_tried_on_a_chosen_item_and_the_answer_comes_back()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.Json(Briefs.GoodTopicAnswer(), promptTokens: 640, completionTokens: 120));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, server);
        var item = await SomeItemAsync(host);

        var result = await host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RunAsync("topic", "Be blunt.\n{{source}}", item.Id));

        Assert.True(result.ModelConfigured);
        Assert.Equal($"{DefaultPrompts.Topic.Id} (unsaved)", result.Prompt);
        Assert.StartsWith("Be blunt.\n<source_item>", result.UserPrompt, StringComparison.Ordinal);
        Assert.Contains(item.Title, result.UserPrompt, StringComparison.Ordinal);
        Assert.Equal(result.UserPrompt, Assert.Single(server.Requests).UserPrompt);
        Assert.Equal(result.SystemPrompt, server.Requests[0].SystemPrompt);
        Assert.StartsWith("Understanding why an architecture stalls", result.Answer!.Benefits, StringComparison.Ordinal);
        Assert.Equal((640, 120), (result.PromptTokens, result.CompletionTokens));
        var row = Assert.Single(await host.LedgerAsync());
        Assert.Equal((ModelCallPurpose.DryRun, (Guid?)null), (row.Purpose, row.RunId));
        // Trying a prompt does not save it.
        var history = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().HistoryAsync("topic"));
        Assert.Equal([DefaultPrompts.Topic.Version], history.Select(v => v.Version));
    }

    [Fact]
    public async Task Without_a_model_the_rendered_prompt_is_shown_and_nothing_is_sent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, null);
        var item = await SomeItemAsync(host);

        var result = await host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RunAsync("trending", null, item.Id));

        Assert.False(result.ModelConfigured);
        Assert.Equal(PromptDryRun.NoModel, result.Problem);
        Assert.Null(result.Answer);
        Assert.Equal("trending@v1", result.Prompt);
        Assert.Contains(item.Title, result.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("<source_item>", result.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("never", result.SystemPrompt, StringComparison.Ordinal);
        Assert.Empty(await host.LedgerAsync());
    }

    [Fact]
    public async Task A_broken_prompt_is_refused_before_anything_is_sent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, null);
        var item = await SomeItemAsync(host);

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RunAsync("topic", "No slot at all.", item.Id)));

        Assert.Contains("{{source}} is missing", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Reading the sources (the demo samples) fills the database with items to choose from.</summary>
    private static async Task<DryRunItem> SomeItemAsync(DraftHost host)
    {
        await host.InScopeAsync(s => s.GetRequiredService<Digest.Infrastructure.Ingestion.SourceIngester>().IngestAsync(CancellationToken.None));
        var items = await host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RecentItemsAsync());
        Assert.NotEmpty(items);
        return items[0];
    }
}
