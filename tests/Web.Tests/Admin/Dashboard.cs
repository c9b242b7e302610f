using System.Net;
using System.Security.Claims;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>The app with an admin and an editor, and ways to act as either.</summary>
internal static class Dashboard
{
    public const string AdminEmail = "owner@example.com";
    public const string EditorEmail = "editor@example.com";
    public const string Password = "correct horse battery";

    /// <summary>The public name tests give an account: "Editor" for editor@example.com.</summary>
    public static string NameFor(string email) => char.ToUpperInvariant(email[0]) + email[1..email.IndexOf('@', StringComparison.Ordinal)];

    public static async Task AddUsersAsync(DigestAppFactory app)
    {
        await AddUserAsync(app, AdminEmail, Roles.Admin);
        await AddUserAsync(app, EditorEmail, Roles.Editor);
    }

    public static Task AddUserAsync(DigestAppFactory app, string email, string role) =>
        app.WithScopeAsync(async services =>
        {
            var result = await UserAccounts.CreateAsync(services, email, Dashboard.NameFor(email), Password, role);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });

    public static HttpClient Anonymous(DigestAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInAsync(DigestAppFactory app, string email)
    {
        var client = Anonymous(app);
        var response = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The principal a signed-in user's circuit carries.</summary>
    public static Task<ClaimsPrincipal> PrincipalAsync(DigestAppFactory app, string email) =>
        app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
            return await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        });

    /// <summary>A hand-written draft with a topic and a trending headline, saved through the database.</summary>
    public static Task<Post> AddDraftAsync(DigestAppFactory app, string slug = "2026-01-02-ai-digest", string title = "Daily digest") =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            var post = Post.CreateDraft(slug, title, new DateTime(2026, 1, 2, 6, 0, 0, DateTimeKind.Utc), "Digest", PostOrigin.Manual, DateTime.UtcNow);
            post.AddSection(new Section(SectionKind.Notice, null, "Generated automatically."));
            post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper.", "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs and hobbyists."))
                .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
            post.AddSection(new Section(SectionKind.Trending, "SmolLM released", null));
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });
}
