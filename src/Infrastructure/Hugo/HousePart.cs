using Digest.Domain.Posts;
using Markdig.Syntax;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Reads one house part (the blocks under "Possible consequences…", "Currently trending topics" or "GPT predicts future
/// events") into regions: one per list item, loose text between items as free text, the heading and a bare
/// "Predictions:" label as frame. Two layouts of the old blog spread one item over two blocks and are joined:
/// <c>- *Benefits:*</c> / <c>- *Ramifications:*</c> lists at column 0 under a numbered topic, and a prediction's
/// rationale written as a paragraph under its subject line.
/// </summary>
internal static class HousePart
{
    public static void Read(SectionKind kind, string heading, List<Block> part, SourceLines source, List<Region> regions, List<string> notes)
    {
        var spans = new List<Span>();
        foreach (var block in part.Skip(1))
        {
            var first = block.Line;
            var last = source.EndLine(block);
            if (block is ListBlock list)
            {
                if (kind == SectionKind.Topic && !list.IsOrdered && spans.Count > 0 && spans[^1].IsItem
                    && list.OfType<ListItemBlock>().All(item => HouseTopicReader.LabelOf(source.Line(item.Line)) is not null))
                {
                    spans[^1] = spans[^1] with { End = last };
                    continue;
                }

                spans.AddRange(list.OfType<ListItemBlock>().Select(item => new Span(item.Line, source.EndLine(item), IsItem: true)));
                continue;
            }

            if (kind == SectionKind.Prediction && block is ParagraphBlock)
            {
                if (HousePredictionReader.IsLabel(MarkdownText.Block(source.Lines(first, last))))
                {
                    // "Predictions:" only repeats the heading above it: frame, kept as written, not a section.
                    continue;
                }

                if (spans.Count > 0 && spans[^1].IsItem && ReadItem(kind, spans[^1], source) is { Text.Body: null })
                {
                    // One layout put the rationale as a plain paragraph under "- **subject**: date".
                    spans[^1] = spans[^1] with { End = last };
                    continue;
                }
            }

            // Loose text between items: consecutive blocks are one free section.
            if (spans.Count > 0 && !spans[^1].IsItem)
            {
                spans[^1] = spans[^1] with { End = last };
            }
            else
            {
                spans.Add(new Span(first, last, IsItem: false));
            }
        }

        var headingLine = part[0].Line;
        if (spans.Count == 0)
        {
            regions.Add(new Region(headingLine, headingLine, HugoSection.Free(heading, "")));
            return;
        }

        if (!spans.Any(s => s.IsItem))
        {
            notes.Add($"\"{heading}\" has text but no items; kept whole as free text");
            regions.Add(Region.FreeWithHeading(heading, headingLine, spans[^1].End, source));
            return;
        }

        var number = 0;
        foreach (var span in spans)
        {
            if (!span.IsItem)
            {
                var free = Region.Free(span.Start, span.End, source);
                notes.Add($"kept text the house format has no place for as a free section: \"{Preview(free.Section.Text.Body)}\"");
                regions.Add(free);
                continue;
            }

            number++;
            var markdown = source.Text(span.Start, span.End);
            var chunk = HouseChunk.FromItem([.. source.Lines(span.Start, span.End)]);
            if (chunk.IsEmpty)
            {
                // An empty "-" (the day the model wrote nothing) is no text: it stays in the frame.
                continue;
            }

            var section = ReadItem(kind, span, source)!;
            if (HouseItemCheck.Problem(kind, section, chunk, markdown) is { } problem)
            {
                notes.Add($"{ItemName(kind)} {number} (\"{Preview(chunk.First)}\") {problem}; kept as written in a free section");
                regions.Add(Region.Free(span.Start, span.End, source));
            }
            else
            {
                regions.Add(new Region(span.Start, span.End, section));
            }
        }
    }

    private static HugoSection? ReadItem(SectionKind kind, Span span, SourceLines source)
    {
        var chunk = HouseChunk.FromItem([.. source.Lines(span.Start, span.End)]);
        return kind switch
        {
            SectionKind.Topic => HouseTopicReader.Read(chunk),
            SectionKind.Prediction => HousePredictionReader.Read(chunk),
            _ => ReadTrending(chunk),
        };
    }

    private static HugoSection ReadTrending(HouseChunk chunk)
    {
        var body = MarkdownText.Block(chunk.Lines);
        return new HugoSection(SectionKind.Trending, new SectionText(
            MarkdownText.Unescape(chunk.First).Trim(),
            body.Length == 0 ? null : body));
    }

    private static string ItemName(SectionKind kind) => kind switch
    {
        SectionKind.Topic => "topic",
        SectionKind.Prediction => "prediction",
        _ => "headline",
    };

    internal static string Preview(string? text)
    {
        var flat = (text ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }

    private sealed record Span(int Start, int End, bool IsItem);
}
