using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Digest.Web.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

/// <summary>
/// The disclosure names the editor who approved a post by their public name, on the page and in every feed; an account
/// without one is named by its role; a sign-in address is never shown. Renaming shows at once on posts already out.
/// </summary>
public sealed class ReadersSeePublicNamesNeverAddresses
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_and_the_feeds_name_the_editor_by_public_name_and_follow_a_rename(DatabaseProvider provider)
    {
        await using var site = await PublicSite.StartAsync(provider);
        await site.App.WithScopeAsync(s => UserAccounts.CreateAsync(s, "ada@example.com", "Ada Lovelace", Dashboard.Password, Roles.Editor));
        var post = await site.PublishAsync(new PostBuilder(), editor: "ada@example.com");
        await AssertNamedAsync(site, post, "Ada Lovelace");

        var renamed = await site.App.WithScopeAsync(async s =>
        {
            var ada = await s.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("ada@example.com");
            return await s.GetRequiredService<UserAdministration>().RenameAsync(ada!.Id, "  Ada   King ", "ada@example.com");
        });

        Assert.True(renamed.Succeeded);
        await AssertNamedAsync(site, post, "Ada King");
        var refused = await site.App.WithScopeAsync(async s =>
        {
            var ada = await s.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("ada@example.com");
            return await s.GetRequiredService<UserAdministration>().RenameAsync(ada!.Id, "ada@example.com", "ada@example.com");
        });
        Assert.Contains("must not be an email address", refused.Errors.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_a_name_is_named_by_role_and_a_gone_account_as_an_editor()
    {
        await using var site = await PublicSite.StartAsync();
        await site.App.WithScopeAsync(async s =>
        {
            await UserAccounts.CreateAsync(s, "boss@example.com", "Boss", Dashboard.Password, Roles.Admin);
            // As accounts made before public names were required.
            await s.GetRequiredService<DigestDbContext>().Users.ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, (string?)null));
        });
        var byAdmin = await site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 3) }, editor: "boss@example.com");
        var byGone = await site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 4) }, editor: "left-the-team@example.com");

        await AssertNamedAsync(site, byAdmin, "an administrator");
        await AssertNamedAsync(site, byGone, "an editor");
        var home = await site.Client.GetStringAsync("/");
        Assert.DoesNotContain("@example.com", home, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_migration_clears_public_names_that_are_addresses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var services = database.BuildServices();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_SiteStampAndPublicNames", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            // Rows as the older schema had them, written in SQL: today's model knows tables that do not exist yet.
            foreach (var (email, name) in new[] { ("a@example.com", "a@example.com"), ("b@example.com", "Bea"), ("c@example.com", "   ") })
            {
                var id = Guid.NewGuid().ToString();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                    VALUES ({id}, {email}, {email}, {name}, {true}, {false}, {false}, {true}, {0})
                    """);
            }

            await db.Database.MigrateAsync();
        }

        await using var check = services.CreateAsyncScope();
        var names = await check.ServiceProvider.GetRequiredService<DigestDbContext>().Users.OrderBy(u => u.Email).Select(u => u.DisplayName).ToListAsync();
        Assert.Equal([null, "Bea", null], names);
    }

    private static async Task AssertNamedAsync(PublicSite site, Post post, string name)
    {
        var page = await site.PageAsync($"/posts/{post.Slug}/");
        Assert.Contains($"Read, reviewed and approved by {name}", page.QuerySelector(".reviewed-by")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        foreach (var feed in new[] { "/index.xml", "/atom.xml", "/feed.json" })
        {
            var text = await site.Client.GetStringAsync(feed);
            Assert.Contains($"Reviewed and approved by {name}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        }
    }
}
