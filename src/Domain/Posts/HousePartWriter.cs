using System.Text;

namespace Digest.Domain.Posts;

/// <summary>
/// Writes the frame around a post's items for <see cref="HouseFormat.ToMarkdown"/>: each house part's heading once,
/// where the part starts, and what separates items. A section imported with its Markdown brings its own frame
/// (<see cref="Section.Lead"/>), written as it was; a section written from its fields among kept ones follows the
/// list it joins (its bullet, tight or loose), so editing one item never changes how its neighbours render.
/// </summary>
internal sealed class HousePartWriter(bool keepsMarkdown)
{
    private SectionKind? _part;
    private int _number;
    private char? _bullet;
    private string? _siblingLead;
    private SectionKind? _previous;

    /// <summary>The bullet the open part's items use when it is a bullet list; null for a numbered list or a new part.</summary>
    public char? ItemMarker => _bullet;

    public int NextNumber() => ++_number;

    public void Lead(StringBuilder md, Section section)
    {
        if (section.Lead is not null)
        {
            md.Append(section.Lead);
            Track(section.Lead);
            if (_previous == section.Kind && string.IsNullOrWhiteSpace(section.Lead))
            {
                _siblingLead = section.Lead;
            }
        }
        else if (HouseFormat.PartHeading(section.Kind) is { } heading)
        {
            if (_part != section.Kind)
            {
                EnsureBlankLine(md);
                md.Append("## ").Append(heading).Append("\n\n");
                Open(section.Kind);
            }
            else if (keepsMarkdown)
            {
                md.Append(_siblingLead ?? (section.Kind == SectionKind.Trending ? "" : "\n"));
            }
        }
        else
        {
            EnsureBlankLine(md);
            if (section.Kind == SectionKind.Free && section.Heading is not null)
            {
                _part = null;
            }
        }

        _previous = section.Kind;
    }

    /// <summary>Counts a kept item of the open part and learns its list marker.</summary>
    public void Wrote(string markdown)
    {
        Track(markdown);
        if (_previous is SectionKind.Topic or SectionKind.Trending or SectionKind.Prediction && _part == _previous)
        {
            _number++;
            var first = markdown.TrimStart(' ');
            _bullet = first.Length > 1 && first[0] is '-' or '*' or '+' && first[1] is ' ' or '\t' ? first[0] : null;
        }
    }

    /// <summary>Appends an item written from its fields.</summary>
    public void Append(StringBuilder md, Section section, string item)
    {
        if (keepsMarkdown)
        {
            // Among kept sections the next lead brings the blank lines, as the file had them.
            md.Append(item.TrimEnd('\n')).Append('\n');
        }
        else
        {
            md.Append(item);
        }
    }

    public string Finish(StringBuilder md) => keepsMarkdown ? md.ToString() : md.ToString().TrimEnd() + "\n";

    private void Open(SectionKind kind)
    {
        _part = kind;
        _number = 0;
        _bullet = null;
        _siblingLead = null;
    }

    /// <summary>Follows the <c>##</c> headings in kept text: a house heading opens its part, any other closes it.</summary>
    private void Track(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length > 3 || !trimmed.StartsWith("## ", StringComparison.Ordinal))
            {
                continue;
            }

            var heading = trimmed[3..].Trim().TrimEnd('#').Trim().TrimEnd(':').Trim();
            var kind = Enum.GetValues<SectionKind>().FirstOrDefault(k => string.Equals(HouseFormat.PartHeading(k), heading, StringComparison.OrdinalIgnoreCase), SectionKind.Free);
            if (kind == SectionKind.Free)
            {
                _part = null;
            }
            else
            {
                Open(kind);
            }
        }
    }

    private static void EnsureBlankLine(StringBuilder md)
    {
        if (md.Length == 0)
        {
            return;
        }

        while (md.Length < 2 || md[^1] != '\n' || md[^2] != '\n')
        {
            md.Append('\n');
        }
    }
}
