using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Storage;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>The editor's saves on both databases: the whole post, every save a revision, every action audited, no overwrite.</summary>
public sealed class EditsAreSavedWithRevisionsAndNeverOverwritten
{
    private static Task<T> EditAsync<T>(DigestAppFactory app, Func<PostEditor, Task<T>> work) =>
        app.WithScopeAsync(s => work(s.GetRequiredService<PostEditor>()));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_save_changes_metadata_and_adds_removes_and_reorders_sections(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var post = await Dashboard.AddDraftAsync(app);
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        var notice = post.Sections.Single(s => s.Kind == SectionKind.Notice);
        var added = Guid.NewGuid();
        var edit = new PostEdit(post.Id, post.Version, "Edited title",
        [
            new SectionEdit(notice.Id, new SectionText(null, "Still generated.")) { Kind = SectionKind.Notice },
            new SectionEdit(added, new SectionText("Prediction subject", "Because.", PredictedWhen: "2031")) { Kind = SectionKind.Prediction },
            new SectionEdit(topic.Id, topic.Text with { Benefits = "Better recall." }),
        ])
        {
            IsComplete = true,
            Metadata = new PostMetadata("ignored", "my-new-slug", null, new DateTime(2026, 1, 3, 8, 0, 0, DateTimeKind.Utc), "Ada", ["llm", "attention"], new PostFlags(false, false, true, false), new Cover("/cover.png", "A cover", false)),
        };

        await EditAsync(app, e => e.SaveAsync(edit, "editor@example.com"));

        var saved = await EditAsync(app, e => e.FindAsync(post.Id.ToString()));
        Assert.Equal("Edited title", saved.Title);
        Assert.Equal("my-new-slug", saved.Slug);
        Assert.Equal(["llm", "attention"], saved.Tags);
        Assert.Equal("Ada", saved.Author);
        Assert.Equal(new Cover("/cover.png", "A cover", false), saved.Cover);
        Assert.False(saved.Flags.ShowToc);
        Assert.Equal([SectionKind.Notice, SectionKind.Prediction, SectionKind.Topic], saved.Sections.Select(s => s.Kind));
        Assert.Equal("Better recall.", saved.Sections[2].Benefits);
        Assert.Single(saved.Sections[2].Sources);
        Assert.Equal("2031", saved.Sections[1].PredictedWhen);
        var audit = (await app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().ReadAsync(new AuditQuery(SubjectId: post.Id.ToString())))).Entries.Single();
        Assert.Equal(AuditActions.PostSaved, audit.Action);
        Assert.Equal("editor@example.com", audit.Actor);
        Assert.Contains("slug (2026-01-02-ai-digest → my-new-slug)", audit.Details, StringComparison.Ordinal);
        Assert.Contains("added 1 section(s)", audit.Details, StringComparison.Ordinal);
        Assert.Contains("removed 1 section(s)", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_second_of_two_editors_gets_a_conflict_and_the_first_save_stays(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var opened = await Dashboard.AddDraftAsync(app);

        await EditAsync(app, e => e.SaveAsync(new PostEdit(opened.Id, opened.Version, "First editor's title", []), "first@example.com"));

        await Assert.ThrowsAsync<EditConflictException>(() => EditAsync(app, e => e.SaveAsync(new PostEdit(opened.Id, opened.Version, "Second editor's title", []), "second@example.com")));
        Assert.Equal("First editor's title", (await EditAsync(app, e => e.FindAsync(opened.Id.ToString()))).Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Any_revision_can_be_restored_as_a_new_one(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var post = await Dashboard.AddDraftAsync(app);
        var trending = post.Sections.Single(s => s.Kind == SectionKind.Trending);
        var first = await EditAsync(app, e => e.SaveAsync(new PostEdit(post.Id, post.Version, "One", []), "a@example.com"));
        var second = await EditAsync(app, e => e.SaveAsync(new PostEdit(post.Id, first.Version, "Two", [.. first.Sections.Where(s => s.Id != trending.Id).Select(s => new SectionEdit(s.Id, s.Text))]) { IsComplete = true }, "b@example.com"));
        Assert.DoesNotContain(second.Sections, s => s.Kind == SectionKind.Trending);

        await EditAsync(app, e => e.RestoreAsync(post.Id, 1, "c@example.com"));

        var restored = await EditAsync(app, e => e.FindAsync(post.Id.ToString()));
        Assert.Equal("One", restored.Title);
        Assert.Equal("SmolLM released", restored.Sections.Single(s => s.Kind == SectionKind.Trending).Heading);
        var revisions = await EditAsync(app, e => e.RevisionsAsync(post.Id));
        Assert.Equal([3, 2, 1], revisions.Select(r => r.Number));
        Assert.Equal("restored revision 1", revisions[0].Note);
        var diff = TextDiff.Lines(TextDiff.Of(revisions[2]), TextDiff.Of(revisions[1]));
        Assert.Contains(new DiffLine(DiffKind.Removed, "# One"), diff);
        Assert.Contains(new DiffLine(DiffKind.Added, "# Two"), diff);
        Assert.Contains(diff, l => l.Kind == DiffKind.Removed && l.Text.Contains("SmolLM released", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slug_another_post_has_is_refused()
    {
        await using var app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddDraftAsync(app, "taken");
        var post = await Dashboard.AddDraftAsync(app, "mine");

        var refused = await Assert.ThrowsAsync<DomainException>(() => EditAsync(app, e => e.SaveAsync(new PostEdit(post.Id, post.Version, post.Title, [])
        {
            Metadata = new PostMetadata(post.Title, "Taken", null, post.Date, post.Author, [], post.Flags, post.Cover),
        }, "a@example.com")));

        Assert.Contains("/posts/taken/", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_scheduled_post_is_published_by_the_recurring_job_that_reads_the_database(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        _ = app.Server;
        var post = await Dashboard.AddDraftAsync(app);
        // Due a few seconds ahead, so the run just below comes before it even on a busy machine (a one-second lead was
        // once overtaken there); the second run waits until it has passed.
        var due = DateTime.UtcNow.AddSeconds(5);
        await EditAsync(app, e => e.ScheduleAsync(post.Id, due, "editor@example.com", overrideReason: "short sample text"));
        await app.WithScopeAsync(s => s.GetRequiredService<PublishDuePostsJob>().RunAsync(CancellationToken.None));
        Assert.Equal(PostStatus.Scheduled, (await EditAsync(app, e => e.FindAsync(post.Id.ToString()))).Status);

        // Every start registers the job from scratch (in-memory Hangfire storage forgets it); the due time is only in the row.
        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Equal("* * * * *", connection.GetRecurringJobs().Single(j => j.Id == PublishDuePostsJob.RecurringJobId).Cron);
        }

        var untilDue = due - DateTime.UtcNow + TimeSpan.FromSeconds(0.5);
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue);
        }
        await app.WithScopeAsync(s => s.GetRequiredService<PublishDuePostsJob>().RunAsync(CancellationToken.None));

        var published = await EditAsync(app, e => e.FindAsync(post.Id.ToString()));
        Assert.Equal(PostStatus.Published, published.Status);
        Assert.Contains("Sparse attention", await app.CreateClient().GetStringAsync($"/posts/{published.Slug}"), StringComparison.Ordinal);
        var log = await app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().ReadAsync(new AuditQuery(SubjectId: post.Id.ToString())));
        Assert.Equal([AuditActions.PostPublished, AuditActions.PostScheduled], log.Entries.Select(e => e.Action));
        Assert.Equal("schedule", log.Entries[0].Actor);
    }
}
