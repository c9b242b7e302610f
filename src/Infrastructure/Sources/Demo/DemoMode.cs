namespace Digest.Infrastructure.Sources.Demo;

/// <summary>What demo mode (<c>--demo</c>, <c>Digest:Demo=true</c>) reads, in words for the screens that must say so.</summary>
public static class DemoMode
{
    public const string Reads = "r/MachineLearning, r/machinelearningnews, Hacker News and arXiv cs.LG";
}
