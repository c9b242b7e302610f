using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Publishing;
using Digest.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

/// <summary>The whole app over a fresh database, with helpers to publish posts the way the editor does and read pages as a reader.</summary>
internal sealed class PublicSite : IAsyncDisposable
{
    public const string Editor = "editor@example.com";

    private PublicSite(DigestAppFactory app)
    {
        App = app;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public DigestAppFactory App { get; }

    public HttpClient Client { get; }

    public static async Task<PublicSite> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await DigestAppFactory.CreateAsync(provider));

    /// <summary>Fixtures reuse the same sample topics day after day; the quality gate (tested on its own) calls them repeats.</summary>
    public const string FixtureOverride = "test fixture reuses sample topics";

    /// <summary>Saves the draft and approves it through <see cref="PostEditor"/>, which renders it and evicts the cache.</summary>
    public Task<Post> PublishAsync(PostBuilder builder, string editor = Editor) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            var post = builder.Build(TimeProvider.System.GetUtcNow().UtcDateTime);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return await services.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, editor, overrideReason: FixtureOverride);
        });

    /// <summary>Stores an imported post the way the importer does: published as the old blog had it, rendered once.</summary>
    public Task<Post> ImportAsync(PostBuilder builder) =>
        App.WithScopeAsync(async services =>
        {
            var post = builder.BuildImported(TimeProvider.System.GetUtcNow().UtcDateTime);
            services.GetRequiredService<PostRenderer>().Render(post);
            var db = services.GetRequiredService<DigestDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            await services.GetRequiredService<IPublicSiteCache>().InvalidateAsync(CancellationToken.None);
            return post;
        });

    public Task<Post> DraftAsync(PostBuilder builder) =>
        App.WithScopeAsync(async services =>
        {
            var post = builder.Build(TimeProvider.System.GetUtcNow().UtcDateTime);
            var db = services.GetRequiredService<DigestDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });

    public Task<T> WithEditorAsync<T>(Func<PostEditor, Task<T>> work) =>
        App.WithScopeAsync(services => work(services.GetRequiredService<PostEditor>()));

    /// <summary>GETs a page that must be there and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
