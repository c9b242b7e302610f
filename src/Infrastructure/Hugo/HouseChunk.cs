namespace Digest.Infrastructure.Hugo;

/// <summary>
/// A piece of one part of a house-format body: a top-level list item (a topic, a headline, a prediction) with the
/// lines under it, or loose text between items that the old model sometimes added.
/// </summary>
internal sealed record HouseChunk(bool IsItem, string First, List<string> Lines)
{
    public bool IsEmpty => First.Length == 0 && Lines.All(MarkdownText.IsBlank);

    /// <summary>Cuts a part into items and loose text. Items are list items at the indentation of the part's first item;
    /// deeper lines, blank lines and lazy continuation lines belong to the item above them.</summary>
    public static List<HouseChunk> Split(IReadOnlyList<string> lines)
    {
        var topIndent = lines.Where(line => MarkdownText.TryListItem(line, out _, out _)).Select(MarkdownText.Indent).DefaultIfEmpty(-1).First();
        var chunks = new List<HouseChunk>();
        HouseChunk? current = null;
        var previousBlank = true;
        foreach (var line in lines)
        {
            var blank = MarkdownText.IsBlank(line);
            if (MarkdownText.TryListItem(line, out var text, out _) && MarkdownText.Indent(line) <= topIndent)
            {
                current = new HouseChunk(true, text, []);
                chunks.Add(current);
            }
            else if (current is null)
            {
                if (!blank)
                {
                    current = new HouseChunk(false, "", [line]);
                    chunks.Add(current);
                }
            }
            else if (!current.IsItem || blank || MarkdownText.Indent(line) > topIndent || !previousBlank)
            {
                current.Lines.Add(line);
            }
            else
            {
                current = new HouseChunk(false, "", [line]);
                chunks.Add(current);
            }

            previousBlank = blank;
        }

        return chunks;
    }
}
