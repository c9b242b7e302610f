using System.Text.Json;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Tests.Writing;
using Digest.Infrastructure.Writing.Grounding;
using Digest.Infrastructure.Writing.Prompts;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Grounding;

public sealed class TheSecondOpinionJoinsTheFindings
{
    private const string Doubted = "If the result holds, teams with less hardware could try the same approach.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_the_setting_on_each_section_is_verified_in_the_ledger_and_its_findings_are_marked_as_the_models(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = request => IsVerification(request)
            ? FakeReply.Json(new { unsupported = new[] { new { sentence = Doubted, reason = "the post says nothing about hardware" } } })
            : FakeWriting.Faithful(request);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server, s => s["Digest:Grounding:SecondOpinion"] = "true");

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        var post = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        var checkedSections = post.Sections.Count(s => s.Kind is SectionKind.Topic or SectionKind.Trending);
        var ledger = await host.LedgerAsync();
        var checks = ledger.Where(c => c.Prompt == DefaultPrompts.Verify.Id).ToList();
        Assert.Equal(checkedSections, checks.Count);
        Assert.All(checks, c => Assert.Equal((ModelCallPurpose.Generation, result.Run.Id), (c.Purpose, c.RunId!.Value)));
        Assert.All(checks, c => Assert.StartsWith("Check of ", c.Section, StringComparison.Ordinal));
        var run = await host.WithDbAsync(db => db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == result.Run.Id));
        // Counted like any call: in the run's calls and tokens, which the budgets are held to.
        Assert.Equal(ledger.Count, run.ModelCalls);
        Assert.Equal(ledger.Sum(c => c.PromptTokens), run.PromptTokens);
        Assert.Contains(DefaultPrompts.Verify.Id, run.Prompts, StringComparison.Ordinal);

        var topics = post.Sections.Count(s => s.Kind == SectionKind.Topic);
        Assert.Equal(topics, run.SentencesFlaggedByModel);
        Assert.Equal(0, run.SentencesUnsupported);
        var problems = await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(post.Id));
        Assert.Contains($"topic 1: 1 statement its sources do not support, says the second opinion of the model {WriterHost.Model}", problems);
        Assert.DoesNotContain(problems, p => p.Contains("not found in its sources", StringComparison.Ordinal));
        var flagged = (await host.InScopeAsync(s => s.GetRequiredService<PostGrounding>().CheckAsync(post))).Sections[0].Result.Sentences.Single(s => s.FlaggedByModel is not null);
        Assert.Equal((Doubted, "the post says nothing about hardware", WriterHost.Model), (flagged.Text, flagged.FlaggedByModel!.Reason, flagged.FlaggedByModel.Model));
    }

    [Fact]
    public async Task Off_by_default_no_check_is_asked_for()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Faithful;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, server);

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        Assert.DoesNotContain(server.Requests, IsVerification);
        Assert.Null((await host.WithDbAsync(db => db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == result.Run.Id))).SentencesFlaggedByModel);
    }

    private static bool IsVerification(RecordedModelRequest request) =>
        request.JsonSchema is { } schema && schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("unsupported", out _);
}
