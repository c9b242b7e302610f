using System.Text;

namespace Digest.Domain.Posts;

/// <summary>
/// Writes a post's sections as Markdown in the house format of the old blog: the notice, the numbered
/// consequences with Benefits and Ramifications, the trending headlines and the predictions. Headings,
/// subjects and source labels are plain text and are escaped; the other parts are Markdown.
/// </summary>
public static class HouseFormat
{
    public const string ConsequencesHeading = "Possible consequences of current developments";
    public const string TrendingHeading = "Currently trending topics";
    public const string PredictionsHeading = "GPT predicts future events";
    /// <summary>The label of a topic's line on its discussion.</summary>
    public const string ThreadLabel = "What the thread said";

    public static string ToMarkdown(IEnumerable<Section> sections, bool withSources = true)
    {
        var ordered = sections.OrderBy(s => s.Position).ToList();
        var md = new StringBuilder();
        var writer = new HousePartWriter(ordered.Any(s => s.Markdown is not null || s.Lead is not null));
        foreach (var section in ordered)
        {
            writer.Lead(md, section);
            if (section.Markdown is not null)
            {
                // Kept as written in the file it was imported from: rendered and exported exactly so.
                md.Append(section.Markdown);
                writer.Wrote(section.Markdown);
                continue;
            }

            var item = new StringBuilder();
            switch (section.Kind)
            {
                case SectionKind.Notice:
                    item.Append("> *Notice:* ").Append(Indent(section.Body ?? section.Heading ?? "", "> ")).Append("\n\n");
                    break;
                case SectionKind.Topic:
                    AppendTopic(item, section, writer.NextNumber(), withSources, writer.ItemMarker);
                    break;
                case SectionKind.Trending:
                    AppendTrending(item, section, withSources, writer.ItemMarker);
                    break;
                case SectionKind.Prediction:
                    AppendPrediction(item, section, writer.ItemMarker);
                    break;
                default:
                    if (section.Heading is not null)
                    {
                        item.Append("## ").Append(MarkdownEscape.Text(section.Heading, MarkdownEscape.Context.Heading)).Append("\n\n");
                    }

                    if (section.Body is not null)
                    {
                        item.Append(section.Body).Append("\n\n");
                    }

                    break;
            }

            writer.Append(md, section, item.ToString());
        }

        return writer.Finish(md);
    }

    /// <summary>True when the text has anything but whitespace.</summary>
    public static bool HasText(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>The house part a section kind belongs to, by its heading; null for the notice and free text.</summary>
    public static string? PartHeading(SectionKind kind) => kind switch
    {
        SectionKind.Topic => ConsequencesHeading,
        SectionKind.Trending => TrendingHeading,
        SectionKind.Prediction => PredictionsHeading,
        _ => null,
    };

    private static void AppendTopic(StringBuilder md, Section section, int number, bool withSources, char? bullet = null)
    {
        const string pad = "   ";
        md.Append(bullet is { } b ? $"{b} " : $"{number}. ").Append("**").Append(EscapeInline(section.Heading ?? "")).Append("**\n\n");
        if (section.Body is not null)
        {
            md.Append(pad).Append(Indent(section.Body, pad)).Append("\n\n");
        }

        AppendPart(md, "Benefits", section.Benefits, pad);
        AppendPart(md, "Ramifications", section.Ramifications, pad);
        if (section.Thread is not null)
        {
            var link = section.ThreadUrl is null ? "" : $" ([the discussion]({EscapeUrl(section.ThreadUrl)}))";
            AppendPart(md, ThreadLabel, section.Thread + link, pad);
        }
        if (withSources && section.Sources.Count > 0)
        {
            md.Append(pad).Append("- *Sources:* ").Append(string.Join(", ", section.Sources.Select(Link))).Append("\n\n");
        }
    }

    private static void AppendPart(StringBuilder md, string name, string? text, string pad)
    {
        if (text is null)
        {
            return;
        }

        md.Append(pad).Append("- *").Append(name).Append(":*  \n").Append(pad).Append("  ").Append(Indent(text, pad + "  ")).Append("\n\n");
    }

    private static void AppendTrending(StringBuilder md, Section section, bool withSources, char? bullet = null)
    {
        md.Append(bullet ?? '-').Append(' ').Append(MarkdownEscape.Text(section.Heading ?? "", MarkdownEscape.Context.LineStart));
        if (withSources && section.Sources.Count > 0)
        {
            md.Append(" (").Append(string.Join(", ", section.Sources.Select(Link))).Append(')');
        }

        // The body goes on its own indented line: many headlines contain a colon, so "Headline: body" would be ambiguous.
        if (section.Body is not null)
        {
            md.Append("\n  ").Append(Indent(section.Body, "  "));
        }

        // Headlines are one tight list, as the old blog wrote them.
        md.Append('\n');
    }

    private static void AppendPrediction(StringBuilder md, Section section, char? bullet = null)
    {
        md.Append(bullet ?? '-').Append(" **").Append(EscapeInline(section.Heading ?? "")).Append("**");
        if (section.PredictedWhen is not null)
        {
            md.Append(" (").Append(EscapeInline(section.PredictedWhen)).Append(')');
        }

        if (section.Body is not null)
        {
            // A hard break keeps the rationale on a line of its own under the subject, as the old blog showed it.
            md.Append("  \n  ").Append(Indent(section.Body, "  "));
        }

        md.Append("\n\n");
    }

    private static string Link(SectionSource source) => $"[{MarkdownEscape.Text(source.Label, MarkdownEscape.Context.LinkText)}]({EscapeUrl(source.Url)})";

    private static string Indent(string text, string pad) => text.Replace("\n", "\n" + pad, StringComparison.Ordinal);

    /// <summary>Escapes text so Markdown shows it literally (no emphasis, links, HTML), with no needless backslashes.</summary>
    public static string EscapeInline(string text) => MarkdownEscape.Text(text);

    private static string EscapeUrl(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal);
}
