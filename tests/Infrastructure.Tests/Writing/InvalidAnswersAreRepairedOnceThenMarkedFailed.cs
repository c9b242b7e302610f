using Digest.Domain.Posts;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class InvalidAnswersAreRepairedOnceThenMarkedFailed
{
    [Fact]
    public async Task An_answer_that_is_not_json_gets_one_repair_request_and_the_repaired_answer_is_used()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.NotJson("Sure! Benefits: faster research."), FakeReply.Json(Briefs.GoodTopicAnswer()));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.StartsWith("Understanding why an architecture stalls", text.Benefits, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        var repair = server.Requests[1];
        Assert.Contains(repair.Messages, m => m.Role == "assistant" && m.Text == "Sure! Benefits: faster research.");
        Assert.Contains("not valid JSON", repair.UserPrompt, StringComparison.Ordinal);
        Assert.Equal(SectionWriteStatus.Written, Assert.Single(run.Usage.Outcomes).Status);
        Assert.Equal(2, run.Usage.Calls.Count);
        Assert.True(run.Usage.Calls[1].IsRepair);
    }

    [Fact]
    public async Task An_answer_with_an_empty_part_is_repaired_naming_the_part()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(
            FakeReply.Json(new { summary = "About Mamba.", benefits = "Clearer research priorities for sequence models.", ramifications = "" }),
            FakeReply.Json(Briefs.GoodTopicAnswer()));
        await using var host = WriterHost.Start(server, LlmProvider.AzureOpenAI);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Contains("\"ramifications\" is missing or empty", server.Requests[1].UserPrompt, StringComparison.Ordinal);
        Assert.StartsWith("If hybrids quietly absorb Mamba", text.Ramifications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_or_missing_part_is_repaired_too()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.Json("{\"summary\":\"About Mamba.\",\"benefits\":null}"), FakeReply.Json(Briefs.GoodTopicAnswer()));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.NotNull(text.Benefits);
        Assert.Equal(SectionWriteStatus.Written, Assert.Single(run.Usage.Outcomes).Status);
    }

    [Fact]
    public async Task Two_unusable_answers_leave_the_section_empty_and_marked_failed_while_the_others_are_written()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.NotJson(), FakeReply.Json(new { summary = "x", benefits = "TODO", ramifications = "TODO" }));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);
        await using var run = host.NewRun();

        var failed = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
        var next = await run.Writer.WriteTopicAsync(Briefs.Numbered(2), CancellationToken.None);

        Assert.Equal(new SectionText("Why mamba disappeared?", null), failed);
        var reason = run.Usage.ProblemWith(SectionKind.Topic, "Why mamba disappeared?");
        Assert.NotNull(reason);
        Assert.Contains("unusable twice", reason, StringComparison.Ordinal);
        Assert.Contains("placeholder", reason, StringComparison.Ordinal);
        Assert.Equal(SectionWriteStatus.Failed, run.Usage.Outcomes[0].Status);

        Assert.NotNull(next.Benefits);
        Assert.Null(run.Usage.ProblemWith(SectionKind.Topic, Briefs.Numbered(2).Title));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_prediction_dated_before_the_edition_is_sent_back_for_repair()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(
            FakeReply.Json(new { predictedWhen = "2019", rationale = "Already happened, the model says." }),
            FakeReply.Json(new { predictedWhen = "2032", rationale = "Progress continues but evaluation is hard." }));
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI);
        await using var run = host.NewRun();

        var predictions = await run.Writer.WritePredictionsAsync(["artificial general intelligence"], new DateOnly(2025, 2, 5), CancellationToken.None);

        Assert.Equal("2032", Assert.Single(predictions).PredictedWhen);
        Assert.Contains("must not be before 2025", server.Requests[1].UserPrompt, StringComparison.Ordinal);
    }
}
