namespace Digest.Domain.Posts;

/// <summary>
/// Provenance: a section was written from this source item. The label and URL are copied when the
/// link is made so the public page still credits the source if the item is later pruned.
/// </summary>
public sealed class SectionSource
{
    private SectionSource() { }

    public SectionSource(Guid? sourceItemId, string label, string url, string? reason = null)
    {
        SourceItemId = sourceItemId;
        Label = label;
        Url = url;
        Reason = reason;
    }

    public int Id { get; private set; }
    public Guid? SourceItemId { get; private set; }
    /// <summary>Where and how it was received, e.g. "r/MachineLearning · 342 points · 57 comments".</summary>
    public string Label { get; private set; } = "";
    public string Url { get; private set; } = "";
    /// <summary>Why the ranking picked it, shown to the editor.</summary>
    public string? Reason { get; private set; }
}
