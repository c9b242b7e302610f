using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

/// <summary>Every way a post becomes public writes its mailing in the same save; the ways it must not be emailed do not.</summary>
public sealed class PublishingWritesTheOutboxRow
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_scheduled_post_gets_its_mailing_when_the_schedule_publishes_it(DatabaseProvider provider)
    {
        await using var host = await NewsletterHost.StartAsync(provider);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.DraftAsync();
        var at = host.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ScheduleAsync(post.Id, at, "Ada Editor", "test posts reuse topics"));
        Assert.False(await HasMailingAsync(host, post.Id));

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().PublishDueAsync());

        Assert.Equal(MailingStatus.Queued, (await host.MailingForAsync(post.Id)).Status);
        Assert.Equal(MailingRun.Finished, await host.SendPostAsync(post.Id));
        Assert.Equal(1, host.Smtp.CountFor("ada@example.com"));
    }

    [Fact]
    public async Task Publishing_without_emailing_is_a_recorded_choice_and_nothing_is_sent()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.DraftAsync();
        await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().ChooseAsync(post.Id, send: false, "Ada Editor"));
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Ada Editor", "test posts reuse topics"));

        var mailing = await host.MailingForAsync(post.Id);
        Assert.Equal(MailingStatus.Skipped, mailing.Status);
        Assert.Contains("published without emailing, as Ada Editor chose", mailing.Note, StringComparison.Ordinal);
        Assert.Equal(MailingRun.NothingToDo, await host.SendAsync(mailing.Id));
        Assert.Empty(host.Smtp.Messages);

        var state = await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().StateAsync(post.Id));
        Assert.StartsWith("Published without emailing", state.Summary(), StringComparison.Ordinal);
        var change = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().ChooseAsync(post.Id, send: true, "Ada Editor")));
        Assert.Contains("published already", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_post_is_never_emailed()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var imported = await host.WithDbAsync(async db =>
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            var post = Post.CreateDraft("2024-07-18-ai-auto-summary", "[Daily Automated AI Summary]", now, "Blog Agent", PostOrigin.Imported, now);
            post.AddSection(new Section(SectionKind.Free, "Imported", "From the old blog."));
            post.MarkImportedAsPublished(now);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });

        Assert.False(await HasMailingAsync(host, imported.Id));
        var state = await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().StateAsync(imported.Id));
        Assert.Equal("Imported posts are never emailed.", state.Summary());
        await Assert.ThrowsAsync<Domain.Common.DomainException>(() => host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().ChooseAsync(imported.Id, send: true, "Ada Editor")));
    }

    [Fact]
    public async Task Publishing_again_after_the_mailing_was_sent_sends_nothing_more()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.PublishAsync();
        await host.SendPostAsync(post.Id);

        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().UnpublishAsync(post.Id, "Ada Editor"));
        await host.InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Ada Editor", "test posts reuse topics"));

        Assert.Equal(1, await host.WithDbAsync(db => db.Set<Mailing>().CountAsync()));
        Assert.Equal(MailingRun.NothingToDo, await host.SendPostAsync(post.Id));
        Assert.Equal(1, host.Smtp.CountFor("ada@example.com"));
    }

    [Fact]
    public async Task The_editor_is_told_before_publishing_how_many_will_get_it()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com", "bob@example.com");
        await host.SubscribeAsync(DeliveryFrequency.Weekly, "weekly@example.com");
        var post = await host.DraftAsync();

        var state = await host.InScopeAsync(s => s.GetRequiredService<PostNewsletter>().StateAsync(post.Id));
        Assert.Equal((2, 1), (state.DailySubscribers, state.WeeklySubscribers));
        Assert.StartsWith("When published, it is emailed to 2 daily subscriber(s). 1 weekly subscriber(s) get it in the roundup on Sun 29 Nov 08:00 (UTC).", state.Summary(), StringComparison.Ordinal);
    }

    private static Task<bool> HasMailingAsync(NewsletterHost host, Guid postId) =>
        host.WithDbAsync(db => db.Set<Mailing>().AnyAsync(m => m.PostId == postId));
}
