using System.Net;
using System.Net.Http.Headers;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Freshness;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Jobs;
using Digest.TestSupport;
using Digest.Web.Account;
using Digest.Web.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

/// <summary>
/// Two instances of the site over one database, both serving cached pages and feeds, and changes made elsewhere: by a
/// command-line verb (a real process), by the other instance's job server, by an admin on the other instance. The first
/// request made a check interval (1 s) after the change sees it on every instance: without Redis, through the
/// database's change stamp. A change that bypasses the stamp (raw SQL) is not seen, which shows the pages are cached.
/// </summary>
public sealed class ChangesReachEveryInstanceWithinASecond
{
    private const string Reason = "freshness test: fixture topics repeat";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_verb_a_job_server_and_an_admin_elsewhere_reach_both_instances(DatabaseProvider provider)
    {
        await using var a = await DigestAppFactory.CreateAsync(provider);
        var siteA = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using var b = new DigestAppFactory(a.Database) { OwnsDatabase = false };
        var siteB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await a.WithScopeAsync(s => UserAccounts.CreateAsync(s, Dashboard.EditorEmail, "Edith Editor", Dashboard.Password, Roles.Editor));
        var first = await PublishOnAsync(a, new PostBuilder { Edition = new(2026, 1, 3), Title = "The first post" });
        var page = $"/posts/{first.Slug}/";
        foreach (var site in new[] { siteA, siteB })
        {
            Assert.Contains("The first post", await site.GetStringAsync("/"), StringComparison.Ordinal);
            Assert.Contains("The first post", await site.GetStringAsync("/index.xml"), StringComparison.Ordinal);
            Assert.Contains("Edith Editor", await site.GetStringAsync(page), StringComparison.Ordinal);
        }

        var etag = (await siteB.GetAsync("/")).Headers.ETag!;

        // Raw SQL moves no stamp: both instances keep serving what they cached.
        await a.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.Where(p => p.Id == first.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Title, "Changed behind everyone's back")));
        await AfterACheckIntervalAsync();
        Assert.DoesNotContain("behind everyone's back", await siteA.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("behind everyone's back", await siteB.GetStringAsync("/"), StringComparison.Ordinal);

        // A verb in another process publishes a draft.
        var draft = await DraftOnAsync(a, new PostBuilder { Edition = new(2026, 1, 4), Title = "Published from the command line" });
        var verb = await DigestCli.RunAsync(a.Database, "posts", "publish", draft.Slug, "--override", Reason);
        Assert.True(verb.ExitCode == 0, verb.ToString());
        await AfterACheckIntervalAsync();
        foreach (var site in new[] { siteA, siteB })
        {
            Assert.Contains("Published from the command line", await site.GetStringAsync("/"), StringComparison.Ordinal);
            Assert.Contains("Published from the command line", await site.GetStringAsync("/atom.xml"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"/posts/{draft.Slug}/")).StatusCode);
        }

        // A reader holding the page from before the change revalidates and gets the new one, not a 304.
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var revalidated = await siteB.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("Published from the command line", await revalidated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(etag, revalidated.Headers.ETag);

        // Instance B's job server publishes a scheduled post; instance A serves it.
        var scheduled = await DraftOnAsync(b, new PostBuilder { Edition = new(2026, 1, 5), Title = "Out on schedule" });
        var due = DateTime.UtcNow.AddSeconds(1.5);
        await b.WithScopeAsync(s => s.GetRequiredService<PostEditor>().ScheduleAsync(scheduled.Id, due, Dashboard.EditorEmail, Reason));
        var wait = due - DateTime.UtcNow + TimeSpan.FromMilliseconds(50);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        await b.WithScopeAsync(s => s.GetRequiredService<PublishDuePostsJob>().RunAsync(CancellationToken.None));
        await AfterACheckIntervalAsync();
        Assert.Contains("Out on schedule", await siteA.GetStringAsync("/index.xml"), StringComparison.Ordinal);
        Assert.Contains("Out on schedule", await siteA.GetStringAsync("/archives"), StringComparison.Ordinal);

        // An admin on B renames the site and the editor changes their public name: A's pages follow.
        await b.WithScopeAsync(async s =>
        {
            var editor = s.GetRequiredService<SiteSettingsEditor>();
            var current = await editor.LoadAsync();
            await editor.SaveAsync(SiteSettingsEdit.From(current) with { Title = "Renamed on instance B" }, current.Version, Dashboard.AdminEmail);
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(Dashboard.EditorEmail);
            user!.DisplayName = "Edith E. Editor";
            await users.UpdateAsync(user);
        });
        await AfterACheckIntervalAsync();
        Assert.Contains("Renamed on instance B", await siteA.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Renamed on instance B", await siteA.GetStringAsync("/index.xml"), StringComparison.Ordinal);
        Assert.Contains("Edith E. Editor", await siteA.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_changes_readers_can_see_move_the_stamp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(s => s.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<DigestDbContext>());
        async Task<Guid> StampAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Set<SiteStamp>().Select(s => s.Value).SingleAsync();
        }

        async Task<bool> MovesAsync(Func<IServiceProvider, Task> change)
        {
            var before = await StampAsync();
            await using var scope = services.CreateAsyncScope();
            await change(scope.ServiceProvider);
            return before != await StampAsync();
        }

        var now = DateTime.UtcNow;
        var draft = new PostBuilder().Build(now);
        Assert.False(await MovesAsync(async s => { var db = s.GetRequiredService<DigestDbContext>(); db.Posts.Add(draft); await db.SaveChangesAsync(); }));
        Assert.False(await MovesAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            (await db.Posts.SingleAsync(p => p.Id == draft.Id)).SetMetadata(new PostMetadata("Still a draft", draft.Slug, null, now, "Digest", [], PostFlags.HouseDefault, Cover.None), now);
            await db.SaveChangesAsync();
        }));
        Assert.True(await MovesAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            (await db.Posts.Include(p => p.Sections).SingleAsync(p => p.Id == draft.Id)).ApproveAndPublish("editor@example.com", now, Reason);
            await db.SaveChangesAsync();
        }));
        Assert.True(await MovesAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            (await db.Posts.SingleAsync(p => p.Id == draft.Id)).Unpublish("editor@example.com", now);
            await db.SaveChangesAsync();
        }));
        Assert.True(await MovesAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            (await db.SiteSettings.SingleAsync()).Title = "New title";
            await db.SaveChangesAsync();
        }));

        Assert.True(await MovesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = "ada@example.com", Email = "ada@example.com", DisplayName = "Ada" }, "Correct-horse-battery-1");
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }));
        // Identity writes the whole user on every update; only a new public name is news for readers.
        Assert.False(await MovesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AccessFailedAsync((await users.FindByEmailAsync("ada@example.com"))!);
        }));
        Assert.True(await MovesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var ada = (await users.FindByEmailAsync("ada@example.com"))!;
            ada.DisplayName = "Ada Lovelace";
            await users.UpdateAsync(ada);
        }));
    }

    // The first request made this long after a change is the one every instance must answer with it.
    private static Task AfterACheckIntervalAsync() => Task.Delay(SiteStampReader.CheckInterval + TimeSpan.FromMilliseconds(50));

    private static Task<Post> DraftOnAsync(DigestAppFactory app, PostBuilder builder) =>
        app.WithScopeAsync(async s =>
        {
            var post = builder.Build(DateTime.UtcNow);
            var db = s.GetRequiredService<DigestDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });

    private static async Task<Post> PublishOnAsync(DigestAppFactory app, PostBuilder builder)
    {
        var draft = await DraftOnAsync(app, builder);
        return await app.WithScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(draft.Id, Dashboard.EditorEmail, Reason));
    }
}
