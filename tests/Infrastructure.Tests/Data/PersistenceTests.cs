using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Data;

/// <summary>The same model on both databases: what is saved comes back whole, and the rules the database enforces hold.</summary>
public sealed class PersistenceTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_fresh_database_is_migrated_and_has_settings_and_roles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration covers");
        var settings = await db.SiteSettings.SingleAsync();
        Assert.Equal("30 5 * * *", settings.ScheduleCron);
        Assert.Equal(["Admin", "Editor"], (await db.Roles.Select(r => r.Name).ToListAsync()).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_post_comes_back_with_its_sections_sources_and_history_in_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var post = Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "[Daily Automated AI Summary]", "Digest", "offline (no model)", Guid.NewGuid(), Now);
        post.SetMetadata(new PostMetadata(post.Title, post.Slug, "A day in ML", Now, "Digest", ["daily ai summary", "automated content"], new PostFlags(true, true, false, true), new Cover("https://example.com/c.png", "singing birds", true)), Now);
        post.AddSection(new Section(SectionKind.Notice, null, "Generated automatically."));
        var topic = post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared?", "> quoted", "Benefits text", "Ramifications text"));
        topic.AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://www.reddit.com/r/MachineLearning/comments/abc/", "best of the day"));
        post.AddSection(new Section(SectionKind.Prediction, "AGI", "Because.", predictedWhen: "March 2030"));
        post.ApproveAndPublish("ada@example.com", Now, "fine as it is");

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var loaded = await db.Posts.Include(p => p.Sections).ThenInclude(s => s.Sources).Include(p => p.Transitions).SingleAsync();
            Assert.Equal([SectionKind.Notice, SectionKind.Topic, SectionKind.Prediction], loaded.Sections.OrderBy(s => s.Position).Select(s => s.Kind));
            var loadedTopic = loaded.Sections.Single(s => s.Kind == SectionKind.Topic);
            Assert.Equal(("Benefits text", "Ramifications text"), (loadedTopic.Benefits, loadedTopic.Ramifications));
            Assert.Equal("r/MachineLearning · 342 points", loadedTopic.Sources.Single().Label);
            Assert.Equal("March 2030", loaded.Sections.Single(s => s.Kind == SectionKind.Prediction).PredictedWhen);
            Assert.Equal(["daily ai summary", "automated content"], loaded.Tags);
            Assert.Equal(new PostFlags(true, true, false, true), loaded.Flags);
            Assert.Equal("singing birds", loaded.Cover.Alt);
            Assert.Equal(PostStatus.Published, loaded.Status);
            Assert.Equal(Now, loaded.PublishedAt);
            Assert.Equal(DateTimeKind.Utc, loaded.PublishedAt!.Value.Kind);
            Assert.Equal("fine as it is", loaded.Transitions.Single().Note);
            Assert.Equal(post.FeedId, loaded.FeedId);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_refuses_a_second_draft_for_the_same_edition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var edition = new DateOnly(2026, 11, 26);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.Posts.Add(Post.CreateGeneratedDraft(edition, "First", "Digest", "offline", Guid.NewGuid(), Now));
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var second = Post.CreateGeneratedDraft(edition, "Second", "Digest", "offline", Guid.NewGuid(), Now);
            second.SetMetadata(new PostMetadata("Second", "another-slug", null, Now, "Digest", [], PostFlags.HouseDefault, Cover.None), Now);
            db.Posts.Add(second);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_copy_of_a_post_cannot_overwrite_a_newer_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var post = Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "Title", "Digest", "offline", Guid.NewGuid(), Now);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
        }

        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();
        var mine = await first.ServiceProvider.GetRequiredService<DigestDbContext>().Posts.SingleAsync();
        var theirs = await second.ServiceProvider.GetRequiredService<DigestDbContext>().Posts.SingleAsync();
        theirs.SetMetadata(new PostMetadata("Their title", theirs.Slug, null, Now, "Digest", [], PostFlags.HouseDefault, Cover.None), Now);
        await second.ServiceProvider.GetRequiredService<DigestDbContext>().SaveChangesAsync();

        mine.SetMetadata(new PostMetadata("My title", mine.Slug, null, Now, "Digest", [], PostFlags.HouseDefault, Cover.None), Now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.ServiceProvider.GetRequiredService<DigestDbContext>().SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_keeps_its_per_source_outcomes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var run = GenerationRun.Start(new DateOnly(2026, 11, 26), "schedule", "offline", Now);
        run.RecordSources([new SourceOutcome(Guid.NewGuid(), "Hacker News", false, 0, 0, false, "timed out after 20 s"), new SourceOutcome(Guid.NewGuid(), "arXiv cs.LG", true, 10, 4, false, null)]);
        run.Fail("No draft: nothing could be fetched.", Now.AddSeconds(3));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.GenerationRuns.Add(run);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<DigestDbContext>().GenerationRuns.SingleAsync();
            Assert.Equal(RunStatus.Failed, loaded.Status);
            Assert.Equal(["Hacker News: timed out after 20 s", "arXiv cs.LG: 10 items, 4 new"], loaded.SourceOutcomes.Select(o => o.Describe()));
            Assert.Equal(TimeSpan.FromSeconds(3), loaded.Duration);
        }
    }
}
