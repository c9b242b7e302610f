using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Arxiv;
using Digest.Infrastructure.Sources.HackerNews;

namespace Digest.Infrastructure.Sources;

/// <summary>
/// What a fresh installation reads: the seed blog took its numbered topics from r/MachineLearning and its
/// trending headlines from r/machinelearningnews; Hacker News and arXiv cs.LG widen the net.
/// </summary>
public static class DefaultSources
{
    public const string MachineLearningUrl = "https://www.reddit.com/r/MachineLearning/top.json?t=day&limit=50";
    public const string MachineLearningNewsUrl = "https://www.reddit.com/r/machinelearningnews/hot.json?limit=50";
    public const string HackerNewsUrl = HackerNewsReader.FrontPageUrl;
    public static readonly string ArxivMachineLearningUrl = ArxivReader.ApiUrlFor("cs.LG").AbsoluteUri;

    /// <summary>New, unsaved sources (each call gives new ids).</summary>
    public static IReadOnlyList<Source> Create() =>
    [
        new("r/MachineLearning", new Uri(MachineLearningUrl), SourceKind.Reddit, SourceRole.Topics),
        new("r/machinelearningnews", new Uri(MachineLearningNewsUrl), SourceKind.Reddit, SourceRole.Trending),
        new("Hacker News", new Uri(HackerNewsUrl), SourceKind.HackerNews, SourceRole.Both),
        new("arXiv cs.LG", new Uri(ArxivMachineLearningUrl), SourceKind.Arxiv, SourceRole.Both),
    ];
}
