using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing;

/// <summary>Every section of an edition, in the order asked for.</summary>
public sealed record WrittenEdition(IReadOnlyList<SectionText> Topics, IReadOnlyList<SectionText> Trending, IReadOnlyList<SectionText> Predictions);

public static class EditionWriting
{
    /// <summary>
    /// Asks the writer for all sections at once and lets it bound the concurrency (the model writer holds at most
    /// <c>Digest:Llm:MaxParallelism</c> sections in flight; the offline writer needs no bound).
    /// </summary>
    public static async Task<WrittenEdition> WriteEditionAsync(
        this IDigestWriter writer,
        IReadOnlyList<TopicBrief> topics,
        IReadOnlyList<TopicBrief> trending,
        IReadOnlyList<string> predictionSubjects,
        DateOnly edition,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var topicTasks = topics.Select(t => writer.WriteTopicAsync(t, cancellationToken)).ToList();
        var trendingTasks = trending.Select(t => writer.WriteTrendingAsync(t, cancellationToken)).ToList();
        var predictionTask = writer.WritePredictionsAsync(predictionSubjects, edition, cancellationToken);
        await Task.WhenAll([.. topicTasks, .. trendingTasks, predictionTask]);
        return new WrittenEdition(
            [.. topicTasks.Select(t => t.Result)],
            [.. trendingTasks.Select(t => t.Result)],
            await predictionTask);
    }
}
