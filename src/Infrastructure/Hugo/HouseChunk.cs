namespace Digest.Infrastructure.Hugo;

/// <summary>
/// One list item of a house part (a topic, a headline, a prediction) as lines: the text after its marker on the
/// first line, then the lines under it as written.
/// </summary>
internal sealed record HouseChunk(bool IsItem, string First, List<string> Lines)
{
    public bool IsEmpty => First.Length == 0 && Lines.All(MarkdownText.IsBlank);

    public static HouseChunk FromItem(IReadOnlyList<string> lines)
    {
        MarkdownText.TryListItem(lines[0], out var first, out _);
        return new HouseChunk(true, first, [.. lines.Skip(1)]);
    }
}
