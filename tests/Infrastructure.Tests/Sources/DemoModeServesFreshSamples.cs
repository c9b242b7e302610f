using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class DemoModeServesFreshSamples
{
    private static readonly DateTimeOffset Now = new(2026, 3, 17, 6, 0, 0, TimeSpan.Zero);
    private readonly ISourceFetcher _fetcher = TestFetchers.Create(allowPrivateNetworks: false, demo: true, time: new FakeTimeProvider(Now));

    public static TheoryData<string> DefaultSourceNames => new(DefaultSources.Create().Select(s => s.Name));

    [Theory]
    [MemberData(nameof(DefaultSourceNames))]
    public async Task Each_default_source_gets_recent_items_without_a_network(string name)
    {
        var source = DefaultSources.Create().Single(s => s.Name == name);

        var result = await _fetcher.FetchAsync(source, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.InRange(result.Items.Count, 6, 12);
        Assert.All(result.Items, item =>
        {
            Assert.InRange(item.PublishedAt!.Value, Now.UtcDateTime.AddHours(-30), Now.UtcDateTime);
            Assert.False(string.IsNullOrWhiteSpace(item.Title));
            Assert.StartsWith("https://", item.Url, StringComparison.Ordinal);
        });
        if (source.Kind != SourceKind.HackerNews)
        {
            // Hacker News link stories have no text of their own, as on the real front page.
            Assert.All(result.Items, item => Assert.True(item.Excerpt is { Length: > 80 }, $"{item.Title} should carry text for the offline writer"));
        }
    }

    [Fact]
    public async Task Reddit_and_hacker_news_samples_carry_scores_and_comments()
    {
        foreach (var source in DefaultSources.Create().Where(s => s.Kind is SourceKind.Reddit or SourceKind.HackerNews))
        {
            var result = await _fetcher.FetchAsync(source, CancellationToken.None);

            Assert.All(result.Items, item => Assert.True(item.Score > 0 && item.Comments > 0, $"{source.Name}: {item.Title}"));
        }
    }

    [Fact]
    public async Task Arxiv_sample_ids_belong_to_the_current_month()
    {
        var arxiv = DefaultSources.Create().Single(s => s.Kind == SourceKind.Arxiv);

        var result = await _fetcher.FetchAsync(arxiv, CancellationToken.None);

        Assert.All(result.Items, item => Assert.StartsWith("https://arxiv.org/abs/2603.", item.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stories_shared_between_samples_have_the_same_canonical_address()
    {
        var urls = new List<HashSet<string>>();
        foreach (var source in DefaultSources.Create())
        {
            var result = await _fetcher.FetchAsync(source, CancellationToken.None);
            urls.Add([.. result.Items.Select(i => UrlCanonicalizer.Canonicalize(i.Url))]);
        }

        Assert.NotEmpty(urls[2].Intersect(urls[0]));
        Assert.NotEmpty(urls[2].Intersect(urls[3]));
    }

    [Fact]
    public async Task The_same_sample_fetched_twice_gives_the_same_items()
    {
        var source = DefaultSources.Create()[0];

        var first = await _fetcher.FetchAsync(source, CancellationToken.None);
        var second = await _fetcher.FetchAsync(source, CancellationToken.None);

        Assert.Equal(first.Items.Select(i => i.ExternalId), second.Items.Select(i => i.ExternalId));
    }

    [Fact]
    public async Task The_feed_addresses_of_the_default_sources_find_their_samples_too()
    {
        var rss = new Source("r/MachineLearning (RSS)", new Uri("https://www.reddit.com/r/MachineLearning/.rss"), SourceKind.Feed);

        var result = await _fetcher.FetchAsync(rss, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task An_unknown_address_fails_clearly()
    {
        var other = new Source("Someone's blog", new Uri("https://blog.example.com/feed.xml"), SourceKind.Feed);

        var result = await _fetcher.FetchAsync(other, CancellationToken.None);

        Assert.True(result.Failed);
        Assert.StartsWith("demo mode has no sample for https://blog.example.com/feed.xml: it reads only r/MachineLearning", result.Error, StringComparison.Ordinal);
    }
}
