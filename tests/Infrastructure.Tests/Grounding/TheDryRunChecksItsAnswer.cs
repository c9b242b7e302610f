using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Tests.Writing;
using Digest.Infrastructure.Writing.Grounding;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Grounding;

public sealed class TheDryRunChecksItsAnswer
{
    [Fact]
    public async Task A_topic_is_tried_with_its_discussion_and_the_answer_is_checked_like_a_run_would()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Inventing;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, server);
        var item = await DemoItemAsync(host, "1-bit mixture-of-experts");

        var result = await host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RunAsync("topic", null, item));

        Assert.Contains("comments on r/MachineLearning", result.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("u/quant_skeptic, 214 points:", result.UserPrompt, StringComparison.Ordinal);
        Assert.Equal(1 + 3, result.Sources.Count);
        var grounding = result.Grounding!;
        Assert.Equal(3, grounding.Unsupported);
        Assert.Contains(grounding.Sentences, s => s.Text == FakeWriting.InventedLab && s.Standing == SentenceStanding.Unsupported);
        Assert.StartsWith("One commenter wrote: Keeping the router in bf16", result.Answer!.Ramifications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trying_the_verify_prompt_also_asks_the_second_opinion_and_shows_it_as_the_models()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Inventing;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, server);
        var item = await DemoItemAsync(host, "1-bit mixture-of-experts");

        var result = await host.InScopeAsync(s => s.GetRequiredService<PromptDryRun>().RunAsync("verify", DefaultPrompts.Verify.Text + "\nBe strict.", item));

        Assert.Equal($"{DefaultPrompts.Verify.Id} (unsaved)", result.Prompt);
        Assert.Contains("Be strict.", server.Requests[^1].UserPrompt, StringComparison.Ordinal);
        var flagged = result.Grounding!.Sentences.Where(s => s.FlaggedByModel is not null).Select(s => s.Text).ToList();
        Assert.Equal(3, flagged.Count);
        Assert.Contains(FakeWriting.InventedPerson, flagged);
        var ledger = await host.LedgerAsync();
        Assert.Equal(2, ledger.Count);
        Assert.All(ledger, row => Assert.Equal(ModelCallPurpose.DryRun, row.Purpose));
        Assert.Contains(ledger, row => row.Prompt == DefaultPrompts.Verify.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newer_shipped_prompt_replaces_an_untouched_one_but_never_an_admins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, null);
        var at = DateTime.UtcNow;
        await host.WithDbAsync(db =>
        {
            // An install from before: version 1 of everything, shipped, and one prompt an admin edited.
            db.Set<PromptVersion>().Add(PromptVersion.Create("topic", 1, "Old shipped topic prompt. {{source}}", PromptLibrary.ShippedBy, at));
            db.Set<PromptVersion>().Add(PromptVersion.Create("system", 1, "Old shipped system prompt.", PromptLibrary.ShippedBy, at));
            var edited = PromptVersion.Create("system", 2, "An admin's system prompt.", "admin@example.com", at);
            db.Set<PromptVersion>().Add(edited);
            return db.SaveChangesAsync();
        });
        await host.WithDbAsync(async db =>
        {
            await db.Set<PromptVersion>().Where(v => v.Name == "system" && v.Version == 1).ExecuteUpdateAsync(u => u.SetProperty(v => v.IsActive, false));
            return 0;
        });

        var topic = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().FindActiveAsync("topic"));
        var system = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().FindActiveAsync("system"));

        Assert.Equal((DefaultPrompts.Topic.Version, DefaultPrompts.Topic.Text), (topic!.Version, topic.Text));
        Assert.Equal("An admin's system prompt.", system!.Text);
        var history = await host.InScopeAsync(s => s.GetRequiredService<PromptLibrary>().HistoryAsync("topic"));
        Assert.Equal([DefaultPrompts.Topic.Version, 1], history.Select(v => v.Version));
    }

    private static async Task<Guid> DemoItemAsync(DraftHost host, string title)
    {
        await host.InScopeAsync(s => s.GetRequiredService<SourceIngester>().IngestAsync(CancellationToken.None));
        return await host.WithDbAsync(db => db.SourceItems.AsNoTracking()
            .Where(i => i.Title.Contains(title) && i.DiscussionUrl!.Contains("reddit.com"))
            .Select(i => i.Id).FirstAsync());
    }
}
