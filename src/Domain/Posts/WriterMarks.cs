using System.Text.RegularExpressions;
using Digest.Domain.Generation;

namespace Digest.Domain.Posts;

/// <summary>
/// What writers leave where a text is not written yet, and the quality gate's findings about it. The offline writer
/// quotes a topic's source and marks the quote "*Quoted from …; not yet summarised.*"; any writer's line in emphasis
/// that says it is "not yet written"/"not yet summarised" counts the same. A run that could not write a section says
/// so in its notes. Each is a finding named per section, so approval needs an override recorded with a reason, and
/// readers never see a mark: <see cref="Strip"/> takes them out of what is rendered for them.
/// </summary>
public static partial class WriterMarks
{
    /// <summary>The mark under a source quoted by the offline writer; <paramref name="sourceName"/> is plain text.</summary>
    public static string QuotedNotSummarised(string sourceName) => $"*Quoted from {HouseFormat.EscapeInline(sourceName)}; not yet summarised.*";

    /// <summary>Findings for one section, named <paramref name="name"/> ("topic 2"); <paramref name="runNotes"/> are the
    /// notes of the run that wrote the post (empty when the caller has none).</summary>
    public static IEnumerable<string> Find(string name, Section section, IReadOnlyList<SectionNote> runNotes)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(runNotes);
        foreach (var (part, text) in Parts(section))
        {
            foreach (Match mark in Mark().Matches(text ?? ""))
            {
                yield return mark.Groups["source"].Success
                    ? $"{name}: the {part} is the writer's quote of {Unescape(mark.Groups["source"].Value)}, not yet summarised (write it, or remove the quote and its mark)"
                    : $"{name}: the writer left a mark in the {part} (\"{Unescape(mark.Groups["line"].Value.Trim().Trim('*', '_'))}\")";
            }
        }

        // A trending headline may stand alone, as on the old blog; one whose summary the writer was asked for and could
        // not write is a gap the editor decides on. (Empty topic and prediction parts are findings of their own.)
        if (section.Kind == SectionKind.Trending && section.Body is null
            && runNotes.LastOrDefault(n => n.Kind == section.Kind && n.Label == section.Heading) is { LeftUnwritten: true } note)
        {
            yield return $"{name} has no summary ({note.Note})";
        }
    }

    /// <summary>The Markdown with every line that is a writer's mark taken out: what readers get.</summary>
    public static string Strip(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Mark().Replace(markdown, "");
    }

    private static IEnumerable<(string Part, string? Text)> Parts(Section section) =>
    [
        (section.Kind switch { SectionKind.Prediction => "rationale", SectionKind.Topic or SectionKind.Trending => "summary", _ => "text" }, section.Body),
        ("Benefits", section.Benefits),
        ("Ramifications", section.Ramifications),
    ];

    private static string Unescape(string markdown) => Escaped().Replace(markdown, "$1");

    // A whole line (indented or quoted as it may be in the post's Markdown) in * or _ emphasis that says it is not written.
    [GeneratedRegex(@"^(?<line>[ \t>]*[*_](?:Quoted from (?<source>.+?); not yet summari[sz]ed\.?|[^\n*_]*\bnot yet (?:written|summari[sz]ed)\b[^\n*_]*)[*_][ \t]*)(?:\n|$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Mark();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escaped();
}
