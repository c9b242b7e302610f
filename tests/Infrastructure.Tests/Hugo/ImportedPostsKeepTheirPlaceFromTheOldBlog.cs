using Digest.Domain.Posts;
using Digest.Infrastructure.Hugo;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Hugo;

public sealed class ImportedPostsKeepTheirPlaceFromTheOldBlog
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly HugoPostMapper _mapper = new(new FakeTimeProvider(Now));

    [Fact]
    public void A_published_post_keeps_its_date_slug_and_the_old_rss_guid()
    {
        var post = _mapper.ToPost(SeedArchive.Read("2023-04-12-ai-auto-summary.md"), new HugoImportOptions("https://old.example.com/"));

        Assert.Equal(PostOrigin.Imported, post.Origin);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(new DateTime(2023, 4, 12, 16, 11, 21, DateTimeKind.Utc), post.Date);
        Assert.Equal(post.Date, post.PublishedAt);
        Assert.Equal("2023-04-12-ai-auto-summary", post.Slug);
        Assert.Equal("https://old.example.com/posts/2023-04-12-ai-auto-summary/", post.FeedId);
        Assert.Null(post.ReviewedBy);
        Assert.Null(post.GenerationRunId);
        Assert.Equal("Blog Agent", post.Author);
        Assert.Equal(["daily ai summary", "automated content", "gpt-3.5-turbo"], post.Tags);
        Assert.Equal(new Cover("https://user-images.githubusercontent.com/35503959/230746459-e1513798-69aa-49fb-8c88-990ee42136e9.png", "singing birds", true), post.Cover);
        Assert.Equal(13, post.Sections.Count);
        Assert.Equal(Enumerable.Range(0, 13), post.Sections.Select(s => s.Position));
    }

    [Fact]
    public void Without_an_old_base_url_the_post_gets_its_own_feed_id()
    {
        var post = _mapper.ToPost(SeedArchive.Read("2023-04-12-ai-auto-summary.md"));

        Assert.StartsWith("urn:uuid:", post.FeedId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_stays_a_draft()
    {
        var parsed = HugoPostParser.Parse("wip.md", "---\ntitle: WIP\ndate: 2024-01-01\ndraft: true\n---\n> *Notice:* n\n");

        Assert.Equal(PostStatus.Draft, _mapper.ToPost(parsed.Post!).Status);
    }

    [Theory]
    [InlineData("content/posts/My First Post.md", "", "my-first-post", "/posts/my-first-post/")]
    [InlineData("posts/2024-05-01-hello/index.md", "", "2024-05-01-hello", "/posts/2024-05-01-hello/")]
    [InlineData("x.md", "slug: Custom Slug\n", "custom-slug", "/posts/custom-slug/")]
    [InlineData("x.md", "url: /2024/05/hello-world/\n", "hello-world", "/2024/05/hello-world/")]
    public void The_slug_and_old_address_follow_hugo(string file, string extra, string slug, string oldPath)
    {
        var parsed = HugoPostParser.Parse(file, $"---\ntitle: T\ndate: 2024-05-01\n{extra}---\n> *Notice:* n\n").Post!;

        Assert.Equal(slug, parsed.Slug);
        Assert.Equal("https://b.example" + oldPath, HugoPostMapper.OldPermalink(parsed, "https://b.example"));
    }

    [Fact]
    public void A_missing_date_comes_from_the_file_name()
    {
        var parsed = HugoPostParser.Parse("2024-02-03-note.md", "---\ntitle: T\n---\n> *Notice:* n\n").Post!;

        Assert.Equal(new DateTime(2024, 2, 3, 0, 0, 0, DateTimeKind.Utc), parsed.FrontMatter.Date);
    }
}
