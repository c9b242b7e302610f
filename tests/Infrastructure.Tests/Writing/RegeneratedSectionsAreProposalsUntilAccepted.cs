using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Writing.Regeneration;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class RegeneratedSectionsAreProposalsUntilAccepted
{
    private const string ShorterBenefits = "Fake benefits, shorter.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_proposal_shows_a_diff_changes_nothing_and_accepting_it_saves_a_revision(DatabaseProvider provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, server);
        var draft = await host.GenerateAsync();
        var topic = await FirstTopicAsync(host, draft.PostSlug!);
        server.Enqueue(FakeReply.Json(new { summary = topic.Body, benefits = ShorterBenefits, ramifications = topic.Ramifications }));

        var proposal = await host.InScopeAsync(s => s.GetRequiredService<SectionRegenerator>().ProposeAsync(topic.PostId, topic.Id, "shorter"));

        var request = server.Requests[^1];
        Assert.Contains("Their instruction: shorter", request.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("benefits: " + topic.Benefits, request.UserPrompt, StringComparison.Ordinal);
        Assert.Contains("<source_item>", request.UserPrompt, StringComparison.Ordinal);
        Assert.True(proposal.CanAccept);
        Assert.Equal(ShorterBenefits, proposal.Proposed.Benefits);
        Assert.Equal(topic.Heading, proposal.Proposed.Heading);
        var benefits = Assert.Single(proposal.Parts, p => p.Changed);
        Assert.Equal("Benefits", benefits.Part);
        Assert.Contains(benefits.Pieces, p => p.Kind == DiffKind.Removed && p.Text.Contains("written by the fake model server", StringComparison.Ordinal));
        Assert.Contains(benefits.Pieces, p => p.Kind == DiffKind.Added && p.Text.Contains("shorter", StringComparison.Ordinal));
        Assert.Contains(benefits.Pieces, p => p.Kind == DiffKind.Same && p.Text.StartsWith("Fake", StringComparison.Ordinal));
        Assert.Equal(topic.Benefits, (await FirstTopicAsync(host, draft.PostSlug!)).Benefits);
        Assert.Equal(ModelCallPurpose.Regeneration, (await host.LedgerAsync())[^1].Purpose);

        var saved = await host.InScopeAsync(s => s.GetRequiredService<SectionRegenerator>().AcceptAsync(proposal, "editor@example.com"));

        Assert.Equal(ShorterBenefits, saved.FindSection(topic.Id).Benefits);
        var revisions = await host.WithDbAsync(db => db.PostRevisions.AsNoTracking().Where(r => r.PostId == topic.PostId).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal("editor@example.com", revisions[1].CreatedBy);
        Assert.Equal(ShorterBenefits, revisions[1].ReadSections().Single(s => s.Id == topic.Id).Text.Benefits);

        // The same proposal again is stale: the post has moved on since it was made.
        await Assert.ThrowsAsync<EditConflictException>(() => host.InScopeAsync(s => s.GetRequiredService<SectionRegenerator>().AcceptAsync(proposal, "editor@example.com")));
    }

    [Fact]
    public async Task Without_a_model_there_is_nothing_to_accept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, null);
        var draft = await host.GenerateAsync();
        var topic = await FirstTopicAsync(host, draft.PostSlug!);

        var proposal = await host.InScopeAsync(s => s.GetRequiredService<SectionRegenerator>().ProposeAsync(topic.PostId, topic.Id, "more technical"));

        Assert.False(proposal.CanAccept);
        Assert.Equal(SectionRegenerator.NoModel, proposal.Problem);
        Assert.Equal(proposal.Current, proposal.Proposed);
    }

    private static Task<Section> FirstTopicAsync(DraftHost host, string slug) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<PostEditor>().FindAsync(slug)).Sections.First(x => x.Kind == SectionKind.Topic));
}
