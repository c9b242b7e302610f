using Digest.Domain.Posts;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class TransientModelErrorsAreRetried
{
    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    public async Task A_429_waits_as_long_as_Retry_After_says_then_succeeds(LlmProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.TooManyRequests(TimeSpan.FromSeconds(1)), FakeReply.Json(Briefs.GoodTopicAnswer()));
        // The backoff without a header would be 20 ms; only Retry-After explains a wait of a second.
        await using var host = WriterHost.Start(server, provider);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.NotNull(text.Benefits);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After");
        Assert.Single(run.Usage.Calls);
    }

    [Fact]
    public async Task A_500_is_retried_and_the_section_written()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.ServerError(500), FakeReply.ServerError(503), FakeReply.Json(Briefs.GoodTopicAnswer()));
        await using var host = WriterHost.Start(server, LlmProvider.AzureOpenAI);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.NotNull(text.Ramifications);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_answer_is_abandoned_and_retried()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.Json(Briefs.GoodTopicAnswer(" (slow)")).After(TimeSpan.FromSeconds(5)), FakeReply.Json(Briefs.GoodTopicAnswer()));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI, s => s["Digest:Llm:AttemptTimeout"] = "00:00:01");
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.DoesNotContain("(slow)", text.Benefits, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_model_that_keeps_failing_leaves_the_section_failed_with_the_status_and_the_run_goes_on()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(Enumerable.Repeat(FakeReply.ServerError(500), 3).ToArray());
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI, s => s["Digest:Llm:MaxRetries"] = "2");
        await using var run = host.NewRun();

        var failed = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
        var next = await run.Writer.WriteTopicAsync(Briefs.Numbered(2), CancellationToken.None);

        Assert.Null(failed.Benefits);
        Assert.Contains("HTTP 500", run.Usage.ProblemWith(SectionKind.Topic, "Why mamba disappeared?"), StringComparison.Ordinal);
        Assert.NotNull(next.Benefits);
        Assert.Equal(4, server.Requests.Count);
    }
}
