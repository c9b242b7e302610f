using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class PromptsEditedInTheDatabaseAreUsed
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_saved_version_is_what_the_model_receives_and_the_ledger_names_it(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server);

        var shipped = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().ActiveAsync());
        Assert.Equal(DefaultPrompts.All.Select(p => p.Name), shipped.Select(p => p.Name));
        Assert.All(shipped, p => Assert.Equal((DefaultPrompts.All.Single(d => d.Name == p.Name).Version, PromptLibrary.ShippedBy), (p.Version, p.CreatedBy)));
        var shippedTopic = DefaultPrompts.Topic.Version;

        var saved = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().SaveAsync("topic", "Keep it short and concrete.\n" + DefaultPrompts.Topic.Text, "admin@example.com"));
        Assert.Equal(shippedTopic + 1, saved.Version);

        await WriteMambaAsync(host);
        Assert.StartsWith("Keep it short and concrete.", server.Requests[^1].UserPrompt, StringComparison.Ordinal);
        var row = Assert.Single(await host.LedgerAsync());
        Assert.Equal($"topic@v{shippedTopic + 1}", row.Prompt);

        var history = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().HistoryAsync("topic"));
        Assert.Equal([shippedTopic + 1, shippedTopic], history.Select(v => v.Version));
        Assert.Equal("admin@example.com", history[0].CreatedBy);
        Assert.True(history[0].IsActive);
        Assert.False(history[1].IsActive);

        // Rolling back makes the shipped version the one the writer uses again.
        await host.InScopeAsync(async s => { await s.GetRequiredService<PromptLibrary>().ActivateAsync("topic", shippedTopic); return 0; });
        await WriteMambaAsync(host, "Edited text so the cache does not answer.");
        Assert.StartsWith("Write the entry for one topic", server.Requests[^1].UserPrompt, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sections_written_in_parallel_on_a_new_database_store_the_shipped_prompts_once_and_all_succeed(DatabaseProvider provider)
    {
        // A run's sections ask for their prompts at the same moment; on a new database each finds them missing.
        // On PostgreSQL this deadlocked a run now and then (two scopes inserting the same rows in different orders).
        await using var server = await FakeModelServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server);

        for (var round = 0; round < 10; round++)
        {
            await host.WithDbAsync(db => db.Set<PromptVersion>().ExecuteDeleteAsync());
            using var go = new ManualResetEventSlim();
            var sections = Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.InScopeAsync(async s =>
            {
                var library = s.GetRequiredService<PromptLibrary>();
                go.Wait();
                await library.EnsureSeededAsync();
                return 0;
            }))).ToList();
            go.Set();
            await Task.WhenAll(sections);
        }

        var active = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().ActiveAsync());
        Assert.Equal(DefaultPrompts.All.Select(p => p.Name), active.Select(p => p.Name));
        var history = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().HistoryAsync("topic"));
        Assert.Single(history);
    }

    [Fact]
    public async Task A_prompt_that_would_break_the_writer_is_not_saved()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, null);

        var unknown = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().SaveAsync("topic", "Write about {{source}} for {{audience}}.", "admin")));
        var missing = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().SaveAsync("topic", "Write something about today's news.", "admin")));

        Assert.Contains("{{audience}} is not filled in", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("{{source}} is missing", missing.Message, StringComparison.Ordinal);
        var history = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().HistoryAsync("topic"));
        Assert.Equal([DefaultPrompts.Topic.Version], history.Select(v => v.Version));
    }

    private static Task<SectionTextHolder> WriteMambaAsync(DraftHost host, string? excerpt = null) =>
        host.InScopeAsync(async s =>
        {
            var brief = excerpt is null ? Briefs.Mamba() : Briefs.Mamba() with { Excerpt = excerpt };
            return new SectionTextHolder(await s.GetRequiredService<IDigestWriter>().WriteTopicAsync(brief, CancellationToken.None));
        });

    private sealed record SectionTextHolder(Domain.Posts.SectionText Text);
}
