using System.Net;
using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Digest.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

/// <summary>
/// The newcomer's path through the README with the offline writer: write Benefits and Ramifications, approve. The
/// summaries are still the writer's quotes, so approval is refused with a finding per topic; approved anyway with a
/// reason, the page, every feed and search carry the quotes without the writer's "not yet summarised" marks, under
/// the editor's public name.
/// </summary>
public sealed class AnOfflineDraftApprovedAsTheReadmeSaysShowsNoMarks
{
    private static readonly (string, string, string)[] MachineLearning =
    [
        ("Why mamba disappeared?", "/r/ml/comments/1/", "State-space models were everywhere last year; where did Mamba go?"),
        ("[R] Sparse attention at 1M tokens", "/r/ml/comments/2/", "A new paper shows sparse attention scaling to a million tokens."),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approval_names_each_quote_and_readers_never_see_a_mark(DatabaseProvider provider)
    {
        await using var feeds = await LocalHttpServer.StartAsync();
        feeds.Serve("/ml.rss", SampleFeeds.RssResponse(SampleFeeds.Rss("r/MachineLearning", DigestAppFactory.Start, MachineLearning)));
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await app.WithScopeAsync(s => UserAccounts.CreateAsync(s, Dashboard.EditorEmail, "Edith Editor", Dashboard.Password, Roles.Editor));
        await SampleFeeds.UseOnlyAsync(app, SampleFeeds.Feed(feeds, "r/MachineLearning", "/ml.rss", SourceRole.Topics));
        var result = await app.WithScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(null, "test", CancellationToken.None));
        Assert.True(result.CreatedDraft, result.Describe());
        var draft = await app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(result.PostSlug!));
        var topics = draft.Sections.Where(s => s.Kind == SectionKind.Topic).OrderBy(s => s.Position).ToList();
        Assert.All(topics, t => Assert.Contains("not yet summarised", t.Body, StringComparison.Ordinal));

        // "Write each topic's Benefits and Ramifications, approve" — the summaries are still the writer's quotes.
        var edits = topics.Select(t => new SectionEdit(t.Id, t.Text with { Benefits = $"Benefit of {t.Heading}.", Ramifications = $"Risk of {t.Heading}." })).ToList();
        var saved = await app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().SaveAsync(new PostEdit(draft.Id, draft.Version, draft.Title, edits), Dashboard.EditorEmail));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(saved.Id, Dashboard.EditorEmail)));
        Assert.Contains("topic 1: the summary is the writer's quote of r/MachineLearning, not yet summarised", refused.Message, StringComparison.Ordinal);
        Assert.Contains("topic 2: the summary is the writer's quote of r/MachineLearning, not yet summarised", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/{saved.Slug}/")).StatusCode);

        var published = await app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(saved.Id, Dashboard.EditorEmail, "The quotes say it best today."));
        Assert.Equal("The quotes say it best today.", published.QualityOverride);

        foreach (var address in new[] { $"/posts/{published.Slug}/", "/", "/index.xml", "/atom.xml", "/feed.json", "/search?q=mamba" })
        {
            var body = await client.GetStringAsync(address);
            Assert.DoesNotContain("not yet summarised", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Quoted from", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Dashboard.EditorEmail, body, StringComparison.OrdinalIgnoreCase);
        }

        var page = await client.GetStringAsync($"/posts/{published.Slug}/");
        Assert.Contains("where did Mamba go?", page, StringComparison.Ordinal);
        Assert.Contains("Benefit of Why mamba disappeared?", page, StringComparison.Ordinal);
        Assert.Contains("Edith Editor", page, StringComparison.Ordinal);
    }
}
