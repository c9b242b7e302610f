using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class RepeatedPromptsAreServedFromCache
{
    [Fact]
    public async Task A_retried_run_gets_the_same_text_without_paying_again()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.Json(Briefs.GoodTopicAnswer(), promptTokens: 800, completionTokens: 300));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);

        await using var first = host.NewRun();
        var written = await first.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
        await using var retry = host.NewRun();
        var again = await retry.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Equal(written, again);
        Assert.Single(server.Requests);
        Assert.Equal(SectionWriteStatus.Cached, Assert.Single(retry.Usage.Outcomes).Status);
        Assert.True(Assert.Single(retry.Usage.Calls).FromCache);
        Assert.Equal(0, retry.Usage.PromptTokens + retry.Usage.CompletionTokens);
        Assert.Equal(0m, retry.Usage.EstimatedCost);
    }

    [Fact]
    public async Task A_changed_source_text_is_a_new_prompt_and_is_written_again()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);
        await using var run = host.NewRun();

        await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
        await run.Writer.WriteTopicAsync(Briefs.Mamba() with { Excerpt = "Edited: the author added benchmark numbers." }, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_answer_that_failed_validation_is_not_cached()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.NotJson(), FakeReply.NotJson());
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);

        await using var first = host.NewRun();
        var failed = await first.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
        await using var retry = host.NewRun();
        var again = await retry.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Null(failed.Benefits);
        Assert.NotNull(again.Benefits);
        Assert.Equal(3, server.Requests.Count);
    }
}
