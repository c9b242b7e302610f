using DiffPlex;
using DiffPlex.Chunkers;

namespace Digest.Infrastructure.Writing.Regeneration;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of words that is in both texts, only in the new one, or only in the old one.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>Word-level differences between two versions of a paragraph, for an editor to read inline.</summary>
public static class TextDiff
{
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
}
