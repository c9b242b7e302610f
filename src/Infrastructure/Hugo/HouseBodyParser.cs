using System.Text.RegularExpressions;
using Digest.Domain.Posts;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace Digest.Infrastructure.Hugo;

/// <summary>The sections read from a body, whether the body was in the house format, and what the reader should know.</summary>
/// <param name="Trailing">Text of a body that has no section at all (only blank lines), kept so an export gives it back.</param>
internal sealed record HouseBody(IReadOnlyList<HugoSection> Sections, bool Understood, IReadOnlyList<string> Notes, string Trailing = "");

/// <summary>
/// Splits a post body into sections with the CommonMark parser that renders it (Markdig; Hugo's goldmark agrees on
/// block structure), so an item is exactly what a reader sees as one item: a topic indented by one space is a topic
/// of its own, a <c>- *Benefits:*</c> line at column 0 is a list of its own. Each section keeps the lines it was read
/// from (<see cref="HugoSection.Markdown"/>) and the lines before it (<see cref="HugoSection.Lead"/>); together they
/// are the body, byte for byte.
/// <para>The house format is recognised only where the reading is certain (<see cref="HouseItemCheck"/>): an item
/// that does not pass stays as written in a free section, with a note, because wrong structure is worse than none.
/// A body with none of the house parts is one free section.</para>
/// </summary>
internal static partial class HouseBodyParser
{
    // The block structure of the renderer's pipeline, with exact source positions.
    private static readonly MarkdownPipeline Blocks = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .Build();

    public static HouseBody Parse(string body)
    {
        var source = new SourceLines(body);
        var document = Markdown.Parse(body, Blocks);
        var blocks = document.Where(b => b is not LinkReferenceDefinitionGroup and not FootnoteGroup).OrderBy(b => b.Line).ToList();
        var regions = new List<Region>();
        var notes = new List<string>();
        var sawHouse = false;

        var start = 0;
        while (start < blocks.Count)
        {
            var end = start + 1;
            while (end < blocks.Count && !IsPartHeading(blocks[end]))
            {
                end++;
            }

            var part = blocks[start..end];
            if (IsPartHeading(part[0]))
            {
                var heading = HeadingText(source.Line(part[0].Line));
                if (KindOf(heading) is { } kind)
                {
                    sawHouse = true;
                    HousePart.Read(kind, heading, part, source, regions, notes);
                }
                else
                {
                    regions.Add(Region.FreeWithHeading(heading, part[0].Line, source.EndLine(part[^1]), source));
                }
            }
            else
            {
                sawHouse |= ReadPreamble(part, source, regions);
            }

            start = end;
        }

        // Nothing read as a notice or an item: the body is not in the house format, whatever its headings say.
        if (!sawHouse || regions.All(r => r.Section.Kind == SectionKind.Free))
        {
            var whole = body.Trim();
            return whole.Length == 0
                ? new HouseBody([], Understood: false, [], body)
                : new HouseBody([HugoSection.Free(null, whole) with { Lead = "", Markdown = body }], Understood: false,
                    [sawHouse ? "no part of the body could be read as the house format's items; kept whole as free text" : "the body has none of the house format's parts; kept whole as free text"]);
        }

        return new HouseBody(Tile(regions, source), Understood: true, notes);
    }

    private static bool IsPartHeading(Block block) => block is HeadingBlock { Level: 2 };

    private static SectionKind? KindOf(string heading) => heading.TrimEnd(':').Trim() switch
    {
        var h when h.Equals(HouseFormat.ConsequencesHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Topic,
        var h when h.Equals(HouseFormat.TrendingHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Trending,
        var h when h.Equals(HouseFormat.PredictionsHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Prediction,
        _ => null,
    };

    /// <summary>The text before the first heading: the notice, and anything else as free text. True when a notice was found.</summary>
    private static bool ReadPreamble(List<Block> blocks, SourceLines source, List<Region> regions)
    {
        var sawNotice = false;
        Region? free = null;
        foreach (var block in blocks)
        {
            var first = block.Line;
            var last = source.EndLine(block);
            if (!sawNotice && block is QuoteBlock)
            {
                var text = MarkdownText.Block(source.Lines(first, last).Select(line => QuoteMarker().Replace(line, "")));
                var label = NoticeLabel().Match(text);
                if (label.Success)
                {
                    sawNotice = true;
                    free = null;
                    regions.Add(new Region(first, last, new HugoSection(SectionKind.Notice, new SectionText(null, text[label.Length..].Trim()))));
                    continue;
                }
            }

            if (free is not null)
            {
                regions[^1] = free = Region.Free(free.Start, last, source);
            }
            else
            {
                regions.Add(free = Region.Free(first, last, source));
            }
        }

        return sawNotice;
    }

    /// <summary>Gives each section the lines before it as its lead and its own lines as its Markdown; what follows the last is its own.</summary>
    private static List<HugoSection> Tile(List<Region> regions, SourceLines source)
    {
        var sections = new List<HugoSection>(regions.Count);
        var next = 0;
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var last = i == regions.Count - 1 ? source.Count - 1 : region.End;
            sections.Add(region.Section with
            {
                Lead = source.Text(next, region.Start - 1),
                Markdown = source.Text(region.Start, last),
            });
            next = region.End + 1;
        }

        return sections;
    }

    /// <summary>The heading's text without its marker and an optional closing run of <c>#</c>, backslash escapes removed.</summary>
    internal static string HeadingText(string line)
    {
        var text = line.TrimStart(' ').TrimStart('#');
        var trimmed = text.TrimEnd();
        var closing = trimmed.TrimEnd('#');
        if (closing.Length < trimmed.Length && (closing.Length == 0 || closing[^1] is ' ' or '\t'))
        {
            trimmed = closing;
        }

        return MarkdownText.Unescape(trimmed).Trim();
    }

    [GeneratedRegex(@"^\s*> ?")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^[*_]{0,2}Notice[*_]{0,2}\s*:\s*[*_]{0,2}\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NoticeLabel();
}

/// <summary>Lines <see cref="Start"/> to <see cref="End"/> (inclusive) of the body, read as <see cref="Section"/>.</summary>
internal sealed record Region(int Start, int End, HugoSection Section)
{
    public static Region Free(int start, int end, SourceLines source) =>
        new(start, end, HugoSection.Free(null, Verbatim(source.Text(start, end))));

    /// <summary>A part under a heading the house format has no place for, kept whole with its heading.</summary>
    public static Region FreeWithHeading(string heading, int headingLine, int end, SourceLines source) =>
        new(headingLine, end, HugoSection.Free(heading, Verbatim(source.Text(headingLine + 1, end))));

    /// <summary>Text as written, without the blank lines around it (the first line keeps its indentation).</summary>
    private static string Verbatim(string text) => text.TrimEnd().TrimStart('\n', '\r');
}

/// <summary>The body as lines, each with its line ending, and where each Markdig block ends.</summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public SourceLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length)
            {
                _starts.Add(i + 1);
            }
        }
    }

    public int Count => _text.Length == 0 ? 0 : _starts.Count;

    public string Line(int index) => Text(index, index).TrimEnd('\n');

    public IEnumerable<string> Lines(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            yield return Line(i);
        }
    }

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> with their line endings; empty when there are none.</summary>
    public string Text(int first, int last)
    {
        if (last < first || first >= Count)
        {
            return "";
        }

        var from = _starts[first];
        var to = last + 1 < _starts.Count ? _starts[last + 1] : _text.Length;
        return _text[from..to];
    }

    /// <summary>The last line of a block that has any text (a block's span may reach into blank lines after it).</summary>
    public int EndLine(Block block)
    {
        var end = block.Span.End >= 0 ? LineOf(Math.Min(block.Span.End, _text.Length - 1)) : block.Line;
        while (end > block.Line && string.IsNullOrWhiteSpace(Line(end)))
        {
            end--;
        }

        return Math.Max(end, block.Line);
    }

    public bool IsBlank(int line) => string.IsNullOrWhiteSpace(Line(line));

    private int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
