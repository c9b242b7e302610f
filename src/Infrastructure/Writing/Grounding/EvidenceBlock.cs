using System.Text;
using Digest.Infrastructure.Writing.Prompts;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>A section's kept source texts as one delimited block of data, for the second opinion's prompt.</summary>
public static class EvidenceBlock
{
    public static string Render(IReadOnlyList<SourceEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var block = new StringBuilder().Append(SourceBlock.Open).Append('\n');
        foreach (var item in evidence)
        {
            block.Append(item.Kind == EvidenceKind.Item ? "item (" : "comment (")
                .Append(SourceBlock.Data(OneLine(item.Label)))
                .Append("):\n")
                .Append(SourceBlock.Data(item.Kind == EvidenceKind.Item ? item.CheckedText : OneLine(item.Text)))
                .Append('\n');
        }

        return block.Append(SourceBlock.Close).ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
