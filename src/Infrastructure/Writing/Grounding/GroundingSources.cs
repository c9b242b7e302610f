using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// What one section was written from, as kept with it (<see cref="SourceEvidence"/>), and what the second opinion
/// said of it; checks any text of the section against them. The source texts are read once per instance.
/// </summary>
public sealed class GroundingSources(IReadOnlyList<SourceEvidence> evidence, IReadOnlyList<SecondOpinionFinding> secondOpinion)
{
    public static readonly GroundingSources None = new([], []);

    private SourceIndex? _index;
    private HashSet<int>? _comments;

    public IReadOnlyList<SourceEvidence> Evidence { get; } = evidence;

    public IReadOnlyList<SecondOpinionFinding> SecondOpinion { get; } = secondOpinion;

    /// <summary>False for sections nobody kept sources for (imported posts, sections an editor added, drafts from before the check).</summary>
    public bool HasSources => Evidence.Count > 0;

    public int Comments => Evidence.Count(e => e.Kind == EvidenceKind.Comment);

    public int Items => Evidence.Count(e => e.Kind == EvidenceKind.Item);

    public SectionGrounding Check(SectionKind kind, SectionText text)
    {
        if (!HasSources || !SectionChecker.IsChecked(kind))
        {
            return SectionGrounding.Empty;
        }

        _index ??= new SourceIndex([.. Evidence.Select(e => e.CheckedText)]);
        _comments ??= [.. Evidence.Select((e, i) => (e, i)).Where(x => x.e.Kind == EvidenceKind.Comment).Select(x => x.i)];
        return SectionChecker.Check(kind, text, _index, [.. SecondOpinion.Select(f => f.ToStatement())], _comments);
    }

    /// <summary>The discussions as the writer was given them, to give them again when the section is regenerated.</summary>
    public IReadOnlyList<DiscussionThread> Threads() =>
        [.. Evidence.Where(e => e.Kind == EvidenceKind.Comment && e.ThreadUrl is not null)
            .GroupBy(e => e.ThreadUrl!)
            .Select(g => new DiscussionThread(g.Key, g.First().ThreadSource ?? "", [.. g.OrderBy(e => e.Position).Select(e => e.ToComment())]))];
}
