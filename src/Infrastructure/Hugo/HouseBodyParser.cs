using System.Text.RegularExpressions;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>The sections read from a body, whether the body was in the house format, and what the reader should know.</summary>
internal sealed record HouseBody(IReadOnlyList<HugoSection> Sections, bool Understood, IReadOnlyList<string> Notes);

/// <summary>
/// Splits a post body in the house format into sections: the notice, then one section per item under the three
/// known <c>##</c> headings. Loose text the model added between items (an intro, "(Continued...)", a closing
/// remark) is kept in place as a free section; any other <c>##</c> part becomes a free section with its heading.
/// A body with none of the house parts, or a house part with text but no items, is not understood: it is kept
/// whole as one free section, so no text is ever lost.
/// </summary>
internal static partial class HouseBodyParser
{
    public static HouseBody Parse(string body)
    {
        var lines = body.Split('\n');
        var sections = new List<HugoSection>();
        var understood = true;
        var sawHouse = false;

        var partStart = 0;
        string? heading = null;
        for (var i = 0; i <= lines.Length; i++)
        {
            var next = i < lines.Length ? Heading().Match(lines[i]) : null;
            if (i < lines.Length && next is not { Success: true })
            {
                continue;
            }

            var part = lines[partStart..i];
            if (heading is null)
            {
                sawHouse |= ReadPreamble(part, sections);
            }
            else if (KindOf(heading) is { } kind)
            {
                sawHouse = true;
                understood &= ReadPart(kind, part, sections);
            }
            else
            {
                sections.Add(HugoSection.Free(heading, MarkdownText.Block(part)));
            }

            heading = next is { Success: true } ? HeadingText(next.Groups["text"].Value) : null;
            partStart = i + 1;
        }

        if (!understood || !sawHouse)
        {
            return new HouseBody(
                body.Trim().Length == 0 ? [] : [HugoSection.Free(null, body.Trim())],
                Understood: false,
                [understood ? "the body has none of the house format's parts; kept whole as free text" : "a part of the body could not be split into items; kept whole as free text"]);
        }

        var notes = sections.Where(s => s.Kind == SectionKind.Free)
            .Select(s => $"kept text the house format has no place for as a free section: \"{Preview(s.Text.Heading ?? s.Text.Body)}\"")
            .ToList();
        return new HouseBody(sections, Understood: true, notes);
    }

    private static SectionKind? KindOf(string heading) => heading.TrimEnd(':').Trim() switch
    {
        var h when h.Equals(HouseFormat.ConsequencesHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Topic,
        var h when h.Equals(HouseFormat.TrendingHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Trending,
        var h when h.Equals(HouseFormat.PredictionsHeading, StringComparison.OrdinalIgnoreCase) => SectionKind.Prediction,
        _ => null,
    };

    /// <summary>The text before the first heading: the notice, and anything else as free text. True when a notice was found.</summary>
    private static bool ReadPreamble(string[] lines, List<HugoSection> sections)
    {
        var sawNotice = false;
        var i = 0;
        while (i < lines.Length)
        {
            if (MarkdownText.IsBlank(lines[i]))
            {
                i++;
                continue;
            }

            // A quote ends at a blank line; other text runs until a quote starts after a blank line.
            var quote = IsQuote(lines[i]);
            var block = new List<string>();
            while (i < lines.Length && (quote
                ? !MarkdownText.IsBlank(lines[i])
                : block.Count == 0 || !IsQuote(lines[i]) || !MarkdownText.IsBlank(lines[i - 1])))
            {
                block.Add(lines[i++]);
            }

            var text = MarkdownText.Block(block.Select(line => QuoteMarker().Replace(line, "")));
            var label = NoticeLabel().Match(text);
            if (quote && !sawNotice && label.Success)
            {
                sawNotice = true;
                sections.Add(new HugoSection(SectionKind.Notice, new SectionText(null, text[label.Length..].Trim())));
            }
            else
            {
                sections.Add(HugoSection.Free(null, MarkdownText.Block(block)));
            }
        }

        return sawNotice;
    }

    private static bool IsQuote(string line) => MarkdownText.Indent(line) <= 3 && line.TrimStart().StartsWith('>');

    /// <summary>Reads one house part; false when it has text but no items, which means it was not understood.</summary>
    private static bool ReadPart(SectionKind kind, string[] lines, List<HugoSection> sections)
    {
        var chunks = HouseChunk.Split(lines);
        if (chunks.Count > 0 && !chunks.Any(c => c.IsItem))
        {
            return false;
        }

        HugoSection? previous = null;
        foreach (var chunk in chunks)
        {
            if (chunk.IsItem)
            {
                if (chunk.IsEmpty)
                {
                    continue;
                }

                previous = kind switch
                {
                    SectionKind.Topic => HouseTopicReader.Read(chunk),
                    SectionKind.Prediction => HousePredictionReader.Read(chunk),
                    _ => ReadTrending(chunk),
                };
                sections.Add(previous);
                continue;
            }

            var text = MarkdownText.Block(chunk.Lines);
            if (kind == SectionKind.Prediction && HousePredictionReader.IsLabel(text))
            {
                // "Predictions:" only repeats the heading above it; the house format has no place for it.
                continue;
            }

            if (kind == SectionKind.Prediction && previous is { Kind: SectionKind.Prediction, Text.Body: null } && ReferenceEquals(sections[^1], previous))
            {
                // One layout put the rationale as a plain paragraph under "- **subject**: date".
                sections[^1] = HousePredictionReader.WithRationale(previous, text);
                previous = null;
                continue;
            }

            sections.Add(HugoSection.Free(null, text));
            previous = null;
        }

        return true;
    }

    private static HugoSection ReadTrending(HouseChunk chunk)
    {
        var body = MarkdownText.Block(chunk.Lines);
        return new HugoSection(SectionKind.Trending, new SectionText(
            MarkdownText.Unescape(chunk.First).Trim(),
            body.Length == 0 ? null : body));
    }

    /// <summary>The heading's text without an optional closing run of <c>#</c>.</summary>
    private static string HeadingText(string text)
    {
        var trimmed = text.TrimEnd();
        var closing = trimmed.TrimEnd('#');
        if (closing.Length < trimmed.Length && (closing.Length == 0 || closing[^1] is ' ' or '\t'))
        {
            trimmed = closing;
        }

        return MarkdownText.Unescape(trimmed).Trim();
    }

    private static string Preview(string? text)
    {
        var flat = (text ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }

    [GeneratedRegex(@"^ {0,3}##[ \t]+(?<text>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*> ?")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^[*_]{0,2}Notice[*_]{0,2}\s*:\s*[*_]{0,2}\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NoticeLabel();
}
