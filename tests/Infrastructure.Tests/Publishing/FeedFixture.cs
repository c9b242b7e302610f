using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Publishing.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>The publishing services as the app registers them, and published posts turned into feed entries.</summary>
internal sealed class FeedFixture : IDisposable
{
    public static readonly FeedSite Site = new("Daily AI Digest", "What the AI/ML community discusses", new Uri("https://digest.example/"), "en");

    private readonly ServiceProvider _services = new ServiceCollection().AddPublishing().BuildServiceProvider(validateScopes: true);

    public PostRenderer Renderer => _services.GetRequiredService<PostRenderer>();
    public RssFeedWriter Rss => _services.GetRequiredService<RssFeedWriter>();
    public AtomFeedWriter Atom => _services.GetRequiredService<AtomFeedWriter>();
    public JsonFeedWriter Json => _services.GetRequiredService<JsonFeedWriter>();

    public static FeedChannel Channel(string path) => FeedChannel.ForSite(Site, path);

    public static string PostPath(Post post) => $"/posts/{post.Slug}/";

    /// <summary>Renders the post as publishing does, then takes its feed entry.</summary>
    public FeedEntry Entry(Post post)
    {
        Renderer.Render(post);
        return FeedEntry.FromPost(post, PostPath(post));
    }

    public static Post PublishedDigest(DateOnly edition, string editor = "Alice Editor", params string[] tags)
    {
        var at = edition.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        var builder = new PostBuilder()
            .ForEdition(edition)
            .WithNotice()
            .WithTopic($"Topic of {edition:yyyy-MM-dd}", "Benefits text.", "Ramifications text.")
            .WithTrending($"Headline of {edition:yyyy-MM-dd}");
        if (tags.Length > 0)
        {
            builder.Tagged(tags);
        }

        return builder.Published(editor, at);
    }

    public void Dispose() => _services.Dispose();
}
