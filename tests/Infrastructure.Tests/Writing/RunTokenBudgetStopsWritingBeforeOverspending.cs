using Digest.Domain.Posts;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class RunTokenBudgetStopsWritingBeforeOverspending
{
    [Fact]
    public async Task Sections_past_the_budget_are_skipped_and_marked_and_the_run_stays_within_it()
    {
        const int budget = 6_000;
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => SchemaAnswer.For(request) with { PromptTokens = 900, CompletionTokens = 300 };
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI, s =>
        {
            s["Digest:Llm:RunTokenBudget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Digest:Llm:MaxOutputTokens"] = "600";
        });
        await using var run = host.NewRun();

        var topics = new List<SectionText>();
        for (var n = 1; n <= 6; n++)
        {
            topics.Add(await run.Writer.WriteTopicAsync(Briefs.Numbered(n), CancellationToken.None));
        }

        var written = topics.TakeWhile(t => t.Benefits is not null).Count();
        Assert.InRange(written, 1, 5);
        Assert.All(topics.Skip(written), skipped =>
        {
            Assert.NotNull(skipped.Heading);
            Assert.Null(skipped.Benefits);
            Assert.Null(skipped.Ramifications);
            Assert.Equal(SectionOutcome.BudgetReachedReason, run.Usage.ProblemWith(SectionKind.Topic, skipped.Heading!));
        });
        Assert.True(run.Usage.BudgetReached);
        Assert.InRange(run.Usage.PromptTokens + run.Usage.CompletionTokens, 0, budget);
        Assert.Equal(written, server.Requests.Count);
        Assert.Equal(6 - written, run.Usage.Outcomes.Count(o => o.Status == SectionWriteStatus.SkippedBudget));
    }

    [Fact]
    public async Task Parallel_sections_together_never_overspend()
    {
        const int budget = 5_000;
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => SchemaAnswer.For(request) with { PromptTokens = 900, CompletionTokens = 300 };
        await using var host = WriterHost.Start(server, LlmProvider.AzureOpenAI, s =>
        {
            s["Digest:Llm:RunTokenBudget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Digest:Llm:MaxOutputTokens"] = "600";
            s["Digest:Llm:MaxParallelism"] = "4";
        });
        await using var run = host.NewRun();

        var edition = await run.Writer.WriteEditionAsync(
            [.. Enumerable.Range(1, 6).Select(Briefs.Numbered)], [], [], new DateOnly(2025, 2, 5), CancellationToken.None);

        Assert.InRange(run.Usage.PromptTokens + run.Usage.CompletionTokens, 0, budget);
        Assert.Contains(edition.Topics, t => t.Benefits is null);
        Assert.Contains(edition.Topics, t => t.Benefits is not null);
    }
}
