using Digest.Infrastructure.Writing;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class ApiKeyNeverAppearsInLogs
{
    private const string Secret = "sk-test-SECRET-4f1c9d2e7a";

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    public async Task Retries_failures_and_successes_are_logged_without_the_key(LlmProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync(apiKey: Secret);
        server.Enqueue(
            FakeReply.TooManyRequests(TimeSpan.FromSeconds(1)),
            FakeReply.ServerError(500),
            FakeReply.Json(Briefs.GoodTopicAnswer()),
            FakeReply.NotJson(),
            FakeReply.NotJson());
        await using var host = WriterHost.Start(server, provider);
        await using (var run = host.NewRun())
        {
            await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);
            await run.Writer.WriteTopicAsync(Briefs.Numbered(2), CancellationToken.None);
        }

        // The key was sent (the fake rejects requests without it) ...
        Assert.All(server.Requests, r => Assert.Contains(Secret, r.Header("api-key") ?? r.Header("Authorization"), StringComparison.Ordinal));
        // ... and the logs say what happened, at every level down to Trace, without it.
        Assert.Contains("Result: '429'", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("unusable", host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_fails_the_section_with_a_reason_that_does_not_repeat_the_key()
    {
        await using var server = await FakeModelServer.StartAsync(apiKey: "the-right-key");
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI, s => s["Digest:Llm:ApiKey"] = Secret);
        await using var run = host.NewRun();

        await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        var reason = run.Usage.ProblemWith(Domain.Posts.SectionKind.Topic, "Why mamba disappeared?");
        Assert.Contains("HTTP 401", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, host.Logs.All, StringComparison.Ordinal);
    }
}
