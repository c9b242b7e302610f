using Digest.Domain.Posts;

namespace Digest.Domain.Generation;

/// <summary>Writes the text of a post's sections. The offline writer uses only what the sources say; model writers call a model.</summary>
public interface IDigestWriter
{
    /// <summary>Shown to readers and editors as who wrote the draft, e.g. "gpt-4o-mini" or "offline (no model)".</summary>
    string Name { get; }

    Task<SectionText> WriteTopicAsync(TopicBrief brief, CancellationToken cancellationToken);

    Task<SectionText> WriteTrendingAsync(TopicBrief brief, CancellationToken cancellationToken);

    /// <summary>One prediction per subject; an empty list where the writer cannot predict (the offline writer).</summary>
    Task<IReadOnlyList<SectionText>> WritePredictionsAsync(IReadOnlyList<string> subjects, DateOnly edition, CancellationToken cancellationToken);
}
