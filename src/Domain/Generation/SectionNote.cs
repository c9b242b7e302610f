using Digest.Domain.Posts;

namespace Digest.Domain.Generation;

/// <summary>
/// What a run has to say about one section it could not write as asked: skipped because a budget was reached,
/// failed, or written by the fallback model. <see cref="Label"/> is the topic title or prediction subject as the
/// writer was given it, so the quality gate can put the reason next to the empty section.
/// </summary>
public sealed record SectionNote(SectionKind Kind, string Label, string Note);
