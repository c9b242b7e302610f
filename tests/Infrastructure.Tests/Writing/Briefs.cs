using Digest.Domain.Generation;

namespace Digest.Infrastructure.Tests.Writing;

internal static class Briefs
{
    /// <summary>The post the old blog wrote about snakes because its model saw only the title.</summary>
    public static TopicBrief Mamba() => new(
        "Why mamba disappeared?",
        "https://www.reddit.com/r/MachineLearning/comments/1ihzr5w/d_why_mamba_disappeared/",
        "A year ago the Mamba state-space model architecture was everywhere: linear-time sequence modelling, " +
        "selective scan kernels, claims it would replace attention. Now almost every new LLM is still a Transformer. " +
        "Did Mamba fail to scale, or is it hiding inside hybrid models like Jamba?",
        "r/MachineLearning",
        342,
        57,
        new DateTime(2025, 2, 4, 18, 0, 0, DateTimeKind.Utc));

    public static TopicBrief Numbered(int n) => new(
        $"Topic number {n}: a new open-weights model",
        $"https://example.org/topic/{n}",
        $"Item {n} says a lab released an open-weights model and a paper describing its training data.",
        "Hacker News",
        100 + n,
        10 + n,
        new DateTime(2025, 2, 4, 12, 0, 0, DateTimeKind.Utc));

    public static object GoodTopicAnswer(string tag = "") => new
    {
        summary = $"The post asks why Mamba state-space models faded.{tag}",
        benefits = $"Understanding why an architecture stalls helps researchers spend compute on ideas that scale.{tag}",
        ramifications = $"If hybrids quietly absorb Mamba, its costs and failure modes become harder to see.{tag}",
    };
}
