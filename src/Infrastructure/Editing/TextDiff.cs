using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Editing;

/// <summary>Comparisons of two texts: by line (revisions, the conflict view) and by word (a regenerated section inline).</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false);
        return [.. model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Inserted => DiffKind.Added,
            ChangeType.Deleted => DiffKind.Removed,
            _ => DiffKind.Same,
        }, line.Text ?? ""))];
    }

    /// <summary>Word-level differences between two versions of a paragraph; runs of one kind are merged into phrases.</summary>
    public static IReadOnlyList<DiffPiece> Between(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        var oldIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, DiffKind.Same, result.PiecesOld, oldIndex, block.DeleteStartA - oldIndex);
            Add(pieces, DiffKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(pieces, DiffKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, DiffKind.Same, result.PiecesOld, oldIndex, result.PiecesOld.Count - oldIndex);
        return pieces;
    }

    private static void Add(List<DiffPiece> pieces, DiffKind kind, IReadOnlyList<string> words, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(words.Skip(start).Take(count));
        // Runs of the same kind are merged so the page shows phrases, not single words.
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    /// <summary>A revision as the text a person compares: the title, then the post body in the house format.</summary>
    public static string Of(PostRevision revision) => Of(revision.Title, revision.ReadSections().Select(s => (s.Kind, s.Text)));

    public static string Of(string title, IEnumerable<(SectionKind Kind, SectionText Text)> sections)
    {
        var rebuilt = sections.Select(s => Section.From(s.Kind, s.Text));
        return $"# {title}\n\n{HouseFormat.ToMarkdown(rebuilt, withSources: false)}";
    }
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A run of words that is in both texts, only in the new one, or only in the old one.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);
