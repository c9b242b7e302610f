using Digest.Domain.Posts;

namespace Digest.Domain.Generation;

/// <summary>
/// What a run has to say about one section it could not write as asked: skipped because a budget was reached,
/// failed, or written by the fallback model. <see cref="Label"/> is the topic title or prediction subject as the
/// writer was given it, so the quality gate can put the reason next to the empty section.
/// </summary>
public sealed record SectionNote(SectionKind Kind, string Label, string Note)
{
    private const string FallbackPrefix = "written by the fallback model ";

    public static SectionNote WrittenByFallback(SectionKind kind, string label, string model) => new(kind, label, FallbackPrefix + model);

    /// <summary>True when the writer left the section (or part of it) unwritten; false when another model wrote it.</summary>
    public bool LeftUnwritten => !Note.StartsWith(FallbackPrefix, StringComparison.Ordinal);
}
