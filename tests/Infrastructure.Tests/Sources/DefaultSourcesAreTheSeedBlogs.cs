using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class DefaultSourcesAreTheSeedBlogs
{
    [Fact]
    public void Four_sources_with_dedicated_readers_and_the_seed_blogs_roles()
    {
        var sources = DefaultSources.Create();

        Assert.Equal(["r/MachineLearning", "r/machinelearningnews", "Hacker News", "arXiv cs.LG"], sources.Select(s => s.Name));
        Assert.Equal([SourceKind.Reddit, SourceKind.Reddit, SourceKind.HackerNews, SourceKind.Arxiv], sources.Select(s => s.Kind));
        Assert.Equal(SourceRole.Topics, sources[0].Role);
        Assert.Equal(SourceRole.Trending, sources[1].Role);
        Assert.All(sources, s => Assert.Equal(s.Kind, SourceKindDetector.Detect(s.Address)));
    }
}
