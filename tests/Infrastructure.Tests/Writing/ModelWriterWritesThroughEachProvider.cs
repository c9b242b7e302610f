using Digest.Domain.Posts;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport.FakeModelServer;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class ModelWriterWritesThroughEachProvider
{
    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    public async Task A_topic_comes_back_as_the_model_wrote_it_with_its_cost_recorded(LlmProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(FakeReply.Json(Briefs.GoodTopicAnswer(), promptTokens: 1_000, completionTokens: 500));
        await using var host = WriterHost.Start(server, provider);
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Equal("Why mamba disappeared?", text.Heading);
        Assert.Equal("The post asks why Mamba state-space models faded.", text.Body);
        Assert.StartsWith("Understanding why an architecture stalls", text.Benefits, StringComparison.Ordinal);
        Assert.StartsWith("If hybrids quietly absorb Mamba", text.Ramifications, StringComparison.Ordinal);

        var request = Assert.Single(server.Requests);
        Assert.Equal("json_schema", request.ResponseFormatType);
        var schemaProperties = request.JsonSchema!.Value.GetProperty("properties");
        Assert.True(schemaProperties.TryGetProperty("benefits", out _));
        Assert.True(schemaProperties.TryGetProperty("ramifications", out _));
        Assert.Equal("string", schemaProperties.GetProperty("benefits").GetProperty("type").GetString());
        if (provider == LlmProvider.AzureOpenAI)
        {
            Assert.Equal(ModelWire.Azure, request.Wire);
            Assert.Equal(WriterHost.Deployment, request.Deployment);
            Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
            Assert.Equal(server.ApiKey, request.Header("api-key"));
            Assert.Equal(WriterHost.Deployment, run.Writer.Name);
        }
        else
        {
            Assert.Equal(ModelWire.OpenAI, request.Wire);
            Assert.Equal(WriterHost.Model, request.Model);
            Assert.Equal($"Bearer {server.ApiKey}", request.Header("Authorization"));
            Assert.Equal(WriterHost.Model, run.Writer.Name);
        }

        var call = Assert.Single(run.Usage.Calls);
        Assert.Equal(1_000, call.PromptTokens);
        Assert.Equal(500, call.CompletionTokens);
        Assert.False(call.FromCache);
        // 1,000 × 0.15/M + 500 × 0.60/M
        Assert.Equal(0.00045m, run.Usage.EstimatedCost);
        Assert.Equal((1_000, 500), (run.Usage.PromptTokens, run.Usage.CompletionTokens));
        Assert.Equal(SectionWriteStatus.Written, Assert.Single(run.Usage.Outcomes).Status);
    }

    [Fact]
    public async Task Trending_and_predictions_are_written_in_the_house_format()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => request.UserPrompt.Contains("Subject: artificial general intelligence", StringComparison.Ordinal)
            ? FakeReply.Json(new { predictedWhen = "March 2031", rationale = "Scaling and new training methods keep closing gaps, but evaluation remains contested." })
            : request.UserPrompt.Contains("Subject:", StringComparison.Ordinal)
                ? FakeReply.Json(new { predictedWhen = "2045–2060", rationale = "It needs general intelligence first, and then self-improvement that outpaces oversight." })
                : FakeReply.Json(new { summary = "A lab describes a new multimodal model for video generation." });
        await using var host = WriterHost.Start(server, LlmProvider.AzureOpenAI, s => s["Digest:Llm:MaxParallelism"] = "4");
        await using var run = host.NewRun();

        var edition = await run.Writer.WriteEditionAsync(
            [],
            [Briefs.Numbered(1) with { Title = "ByteDance Proposes OmniHuman-1", SourceName = "r/machinelearningnews" }],
            ["artificial general intelligence", "technological singularity"],
            new DateOnly(2025, 2, 5),
            CancellationToken.None);

        var trending = Assert.Single(edition.Trending);
        Assert.Equal(new SectionText("ByteDance Proposes OmniHuman-1", "A lab describes a new multimodal model for video generation."), trending);
        Assert.Collection(
            edition.Predictions,
            agi =>
            {
                Assert.Equal("artificial general intelligence", agi.Heading);
                Assert.Equal("March 2031", agi.PredictedWhen);
                Assert.StartsWith("Scaling", agi.Body, StringComparison.Ordinal);
            },
            singularity =>
            {
                Assert.Equal("technological singularity", singularity.Heading);
                Assert.Equal("2045–2060", singularity.PredictedWhen);
            });
        Assert.Contains(server.Requests, r => r.UserPrompt.Contains("Today is 2025-02-05", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_host_endpoint_for_a_local_server_gets_the_v1_path()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var host = WriterHost.Start(server, LlmProvider.OpenAI, s => s["Digest:Llm:Endpoint"] = server.BaseAddress.ToString());
        await using var run = host.NewRun();

        var text = await run.Writer.WriteTopicAsync(Briefs.Mamba(), CancellationToken.None);

        Assert.Equal("/v1/chat/completions", Assert.Single(server.Requests).Path);
        Assert.NotNull(text.Benefits);
    }
}
