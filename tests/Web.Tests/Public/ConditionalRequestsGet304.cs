using System.Net;
using System.Net.Http.Headers;

namespace Digest.Web.Tests.Public;

public sealed class ConditionalRequestsGet304 : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/posts/2026-01-04-ai-digest/")]
    [InlineData("/")]
    [InlineData("/archives")]
    [InlineData("/tags/daily-ai-summary/")]
    [InlineData("/index.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/feed.json")]
    [InlineData("/sitemap.xml")]
    public async Task A_matching_etag_or_date_gets_304_with_no_body(string path)
    {
        await _site.PublishAsync(new PostBuilder());
        var first = await _site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);

        var byDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        var stale = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotEmpty(await stale.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/posts/2026-01-04-ai-digest/")]
    [InlineData("/index.xml")]
    public async Task After_a_change_the_old_validators_no_longer_match(string path)
    {
        var post = await _site.PublishAsync(new PostBuilder());
        var first = await _site.Client.GetAsync(path);

        await _site.WithEditorAsync(async editor =>
        {
            var current = await editor.FindAsync(post.Slug);
            return await editor.SaveAsync(new Infrastructure.Editing.PostEdit(current.Id, current.Version, "A better title", []), PublicSite.Editor);
        });

        var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, byTag.StatusCode);
        Assert.Contains("A better title", await byTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(first.Headers.ETag, byTag.Headers.ETag);
    }

    [Fact]
    public async Task Taking_the_newest_post_down_moves_last_modified_forward()
    {
        await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 3) });
        var newest = await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 4) });
        var before = (await _site.Client.GetAsync("/index.xml")).Content.Headers.LastModified!.Value;
        await Task.Delay(1100);

        await _site.WithEditorAsync(editor => editor.UnpublishAsync(newest.Id, PublicSite.Editor));

        // A client that only remembers the date must still learn that the feed changed.
        var after = await SendAsync("/index.xml", r => r.Headers.IfModifiedSince = before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(after.Content.Headers.LastModified > before);
    }

    private Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> conditional)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditional(request);
        return _site.Client.SendAsync(request);
    }
}
