using Bunit;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Writing;
using Digest.TestSupport;
using Digest.TestSupport.FakeModelServer;
using Digest.Web.Components.Admin.Regenerate;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Writing;

/// <summary>The RegenerateSection component over the real services, a SQLite database and the fake model server.</summary>
public sealed class RegeneratingASectionShowsADiffBeforeAnythingChanges : IAsyncLifetime, IDisposable
{
    private const string Shorter = "Fake benefits, now shorter.";
    private FakeModelServer _server = default!;
    private TestDatabase _database = default!;
    private BunitContext _context = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Demo"] = "true",
            ["Digest:Llm:Provider"] = "OpenAI",
            ["Digest:Llm:Endpoint"] = _server.OpenAiEndpoint.ToString(),
            ["Digest:Llm:ApiKey"] = _server.ApiKey,
            ["Digest:Llm:Model"] = "gpt-4o-mini",
            ["Digest:Llm:MaxRetries"] = "0",
        }).Build();
        _context = new BunitContext();
        var services = _context.Services;
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDigestDatabase(_database.Options);
        services.AddSourceFetching(configuration);
        services.AddPublishing();
        services.AddWriting(configuration);
        services.AddQualityGate(configuration);
        services.AddIngestion(configuration);
        services.AddScoped<DraftGenerator>();
        services.AddScoped<PostEditor>();
        services.AddSingleton<IPublicSiteCache, NoPublicSiteCache>();
    }

    public void Dispose() => _context.Dispose();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_editor_sees_what_changes_and_accepting_replaces_the_section_with_a_new_revision()
    {
        var topic = await DraftTopicAsync();
        Post? accepted = null;
        var cut = _context.Render<RegenerateSection>(p => p
            .Add(x => x.PostId, topic.PostId)
            .Add(x => x.SectionId, topic.Id)
            .Add(x => x.OnAccepted, post => accepted = post));
        _server.Enqueue(FakeReply.Json(new { summary = topic.Body, benefits = Shorter, ramifications = topic.Ramifications }));

        cut.Find("input").Input("shorter");
        cut.Find("button").Click();

        cut.WaitForElement("ins", TimeSpan.FromSeconds(20));
        Assert.Contains("Their instruction: shorter", _server.Requests[^1].UserPrompt, StringComparison.Ordinal);
        Assert.Contains("shorter", string.Concat(cut.FindAll("ins").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Contains("written by the fake model server", string.Concat(cut.FindAll("del").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Equal(topic.Benefits, (await ReloadAsync(topic)).Benefits);

        cut.FindAll("button").Single(b => b.TextContent == "Accept").Click();

        cut.WaitForAssertion(() => Assert.NotNull(accepted), TimeSpan.FromSeconds(20));
        Assert.Equal(Shorter, (await ReloadAsync(topic)).Benefits);
        Assert.Equal(2, await InScopeAsync(s => s.GetRequiredService<DigestDbContext>().PostRevisions.CountAsync(r => r.PostId == topic.PostId)));
        Assert.Empty(cut.FindAll(".proposal"));
    }

    [Fact]
    public async Task Discarding_a_proposal_keeps_the_text_as_it_was()
    {
        var topic = await DraftTopicAsync();
        var cut = _context.Render<RegenerateSection>(p => p.Add(x => x.PostId, topic.PostId).Add(x => x.SectionId, topic.Id));
        _server.Enqueue(FakeReply.Json(new { summary = topic.Body, benefits = Shorter, ramifications = topic.Ramifications }));

        cut.Find("button").Click();
        cut.WaitForElement(".proposal", TimeSpan.FromSeconds(20));
        cut.FindAll("button").Single(b => b.TextContent == "Discard").Click();

        Assert.Empty(cut.FindAll(".proposal"));
        Assert.Equal(topic.Benefits, (await ReloadAsync(topic)).Benefits);
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<DigestDbContext>().PostRevisions.CountAsync(r => r.PostId == topic.PostId)));
    }

    private async Task<Section> DraftTopicAsync()
    {
        var result = await InScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(null, "test", CancellationToken.None));
        Assert.True(result.CreatedDraft, result.Describe());
        var post = await InScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        return post.Sections.OrderBy(s => s.Position).First(s => s.Kind == SectionKind.Topic);
    }

    private Task<Section> ReloadAsync(Section section) =>
        InScopeAsync(async s => (await s.GetRequiredService<PostEditor>().FindAsync(section.PostId.ToString())).FindSection(section.Id));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
