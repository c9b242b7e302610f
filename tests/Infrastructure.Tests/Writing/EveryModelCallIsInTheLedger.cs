using Digest.Infrastructure.Writing.Prompts;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class EveryModelCallIsInTheLedger
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_leaves_one_ledger_row_per_request_and_totals_on_the_run(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => SchemaAnswer.For(request) with { PromptTokens = 700, CompletionTokens = 200 };
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server);

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        var ledger = await host.LedgerAsync();
        Assert.Equal(server.Requests.Count, ledger.Count);
        Assert.All(ledger, row =>
        {
            Assert.Equal(result.Run.Id, row.RunId);
            Assert.Equal(ModelCallPurpose.Generation, row.Purpose);
            Assert.Equal(WriterHost.Model, row.Model);
            Assert.Equal((700, 200), (row.PromptTokens, row.CompletionTokens));
            Assert.Equal(0.000225m, row.EstimatedCost);
            Assert.False(row.FromCache);
            Assert.True(row.Succeeded);
            Assert.Equal(DateTimeKind.Utc, row.At.Kind);
        });
        Assert.Contains(ledger, row => row.Prompt == DefaultPrompts.Topic.Id && row.Section.StartsWith("Topic \"", StringComparison.Ordinal));
        Assert.Contains(ledger, row => row.Prompt == "trending@v1");
        Assert.Contains(ledger, row => row.Prompt == "prediction@v1" && row.Section == "Prediction \"Artificial general intelligence\"");

        var run = await host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.GenerationRuns));
        Assert.Equal(ledger.Sum(r => r.PromptTokens), run.PromptTokens);
        Assert.Equal(ledger.Sum(r => r.CompletionTokens), run.CompletionTokens);
        Assert.Equal(ledger.Sum(r => r.EstimatedCost), run.EstimatedCost);
        Assert.Equal(ledger.Count, run.ModelCalls);
        Assert.Equal(0, run.CachedAnswers);
        Assert.Equal($"prediction@v1, {DefaultPrompts.Topic.Id}, trending@v1", run.Prompts);
        Assert.Empty(run.SectionNotes);
    }
}
