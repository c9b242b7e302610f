using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Tests.Writing;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Grounding;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Grounding;

/// <summary>
/// A whole generation through the real SDK clients against a model that invents (a number, a person, a lab) or stays
/// faithful, over the demo sources and their discussions, on both databases.
/// </summary>
public sealed class InventedStatementsBlockApprovalUntilOverridden
{
    public static TheoryData<DatabaseProvider, LlmProvider> Setups => new()
    {
        { DatabaseProvider.Sqlite, LlmProvider.OpenAI },
        { DatabaseProvider.Postgres, LlmProvider.AzureOpenAI },
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task Every_invented_statement_is_a_finding_and_approval_needs_a_recorded_override(DatabaseProvider database, LlmProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Inventing;
        await using var db = await TestDatabase.CreateAsync(database);
        await using var host = DraftHost.Start(db, server, s => Use(s, server, provider));

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        var post = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        var trending = post.Sections.Count(s => s.Kind == SectionKind.Trending);
        var problems = await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(post.Id));
        for (var n = 1; n <= topics.Count; n++)
        {
            Assert.Contains($"topic {n}: 3 statements not found in its sources", problems);
        }

        Assert.Contains("trending headline 1: 1 statement not found in its sources", problems);

        // Which sentences, and what in them: the editor sees exactly the invented ones.
        var report = await host.InScopeAsync(s => s.GetRequiredService<PostGrounding>().CheckAsync(post));
        var unsupported = report.Sections.SelectMany(s => s.Result.Sentences).Where(s => s.Standing == SentenceStanding.Unsupported).Select(s => s.Text).Distinct().Order().ToList();
        Assert.Equal(new[] { FakeWriting.InventedNumber, FakeWriting.InventedPerson, FakeWriting.InventedLab }.Order(), unsupported);
        var person = report.Sections[0].Result.Sentences.Single(s => s.Text == FakeWriting.InventedPerson);
        Assert.Equal(["Ingrid Okonkwo"], person.Missing.Select(c => c.Text));

        // The run keeps the count, so Runs can show the share per day.
        var run = await host.WithDbAsync(d => d.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == result.Run.Id));
        Assert.Equal((3 * topics.Count) + trending, run.SentencesUnsupported);
        Assert.True(run.SentencesGrounded > 0, $"{run.SentencesGrounded} of {run.SentencesWritten}");
        Assert.True(run.SentencesWritten >= run.SentencesGrounded + run.SentencesUnsupported);
        Assert.True(run.CommentsRead > 0, "the demo discussions were read");
        Assert.Null(run.SentencesFlaggedByModel);

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "editor@example.com")));
        Assert.Contains("topic 1: 3 statements not found in its sources", refused.Message, StringComparison.Ordinal);

        var published = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "editor@example.com", "checked with the authors by phone"));
        Assert.Equal(PostStatus.Published, published.Status);
        Assert.Equal("checked with the authors by phone", published.QualityOverride);
        var audit = await host.WithDbAsync(d => d.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == AuditActions.PostPublished).SingleAsync());
        Assert.Equal("editor@example.com", audit.Actor);
        Assert.Contains("checked with the authors by phone", audit.Details, StringComparison.Ordinal);
        Assert.Contains("topic 1: 3 statements not found in its sources", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task A_faithful_draft_has_no_findings_rests_on_its_sources_and_is_approved_without_an_override(DatabaseProvider database, LlmProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Faithful;
        await using var db = await TestDatabase.CreateAsync(database);
        await using var host = DraftHost.Start(db, server, s => Use(s, server, provider));

        var result = await host.GenerateAsync();

        Assert.True(result.CreatedDraft, result.Describe());
        var post = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(post.Id)));
        var report = await host.InScopeAsync(s => s.GetRequiredService<PostGrounding>().CheckAsync(post));
        Assert.True(report.IsChecked);
        Assert.All(report.Sections.SelectMany(s => s.Result.Sentences), s => Assert.NotEqual(SentenceStanding.Unsupported, s.Standing));
        // Every topic summary copied from its source rests on a passage of it.
        Assert.All(report.Sections.Where(s => s.Section.Kind == SectionKind.Topic && s.Section.Body is not null), s => Assert.NotEmpty(s.Result.Sentences.First(x => x.Part == "Summary").Spans));

        // The writer saw the top comments as data, and the topic's thread line links to that discussion.
        var withComments = report.Sections.First(s => s.Sources.Comments > 0);
        Assert.NotNull(withComments.Section.Thread);
        Assert.StartsWith("https://", withComments.Section.ThreadUrl, StringComparison.Ordinal);
        var prompt = server.Requests.First(r => r.UserPrompt.Contains(withComments.Section.Heading!, StringComparison.Ordinal)).UserPrompt;
        Assert.Contains("comments on ", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("[deleted]", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("[removed]", prompt, StringComparison.Ordinal);
        Assert.True(prompt.IndexOf("comments on ", StringComparison.Ordinal) < prompt.IndexOf("</source_item>", StringComparison.Ordinal));

        var run = await host.WithDbAsync(d => d.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == result.Run.Id));
        Assert.Equal(0, run.SentencesUnsupported);
        Assert.True(run.GroundedShare > 0.3, $"{run.SentencesGrounded} of {run.SentencesWritten}");

        var published = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "editor@example.com"));
        Assert.Null(published.QualityOverride);
        Assert.Contains(HouseFormatThreadLine(withComments.Section), published.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_out_an_invented_sentence_clears_its_finding()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.DefaultReply = FakeWriting.Inventing;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(db, server);
        var result = await host.GenerateAsync();
        var post = await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        var topic = post.Sections.Where(s => s.Kind == SectionKind.Topic).OrderBy(s => s.Position).First();

        var fixedText = topic.Text with
        {
            Benefits = topic.Benefits!.Replace(FakeWriting.InventedNumber, "", StringComparison.Ordinal),
            Ramifications = topic.Ramifications!.Replace(FakeWriting.InventedLab, "", StringComparison.Ordinal),
        };
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().SaveAsync(new PostEdit(post.Id, post.Version, post.Title, [new SectionEdit(topic.Id, fixedText)]), "editor@example.com"));

        var problems = await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(post.Id));
        Assert.Contains("topic 1: 1 statement not found in its sources", problems);
    }

    private static string HouseFormatThreadLine(Section section) => $"href=\"{section.ThreadUrl}\"";

    private static void Use(Dictionary<string, string?> settings, FakeModelServer server, LlmProvider provider)
    {
        settings["Digest:Llm:Provider"] = provider.ToString();
        settings["Digest:Llm:Endpoint"] = (provider == LlmProvider.AzureOpenAI ? server.AzureEndpoint : server.OpenAiEndpoint).ToString();
    }
}
