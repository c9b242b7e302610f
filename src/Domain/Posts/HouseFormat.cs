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
        var md = new StringBuilder();
        SectionKind? previous = null;
        var topicNumber = 0;
        foreach (var section in sections.OrderBy(s => s.Position))
        {
            if (section.Kind != previous)
            {
                var heading = section.Kind switch
                {
                    SectionKind.Topic => ConsequencesHeading,
                    SectionKind.Trending => TrendingHeading,
                    SectionKind.Prediction => PredictionsHeading,
                    _ => null,
                };
                if (heading is not null)
                {
                    md.Append("## ").Append(heading).Append("\n\n");
                }
            }

            previous = section.Kind;
            switch (section.Kind)
            {
                case SectionKind.Notice:
                    md.Append("> *Notice:* ").Append(Indent(section.Body ?? section.Heading ?? "", "> ")).Append("\n\n");
                    break;
                case SectionKind.Topic:
                    AppendTopic(md, section, ++topicNumber, withSources);
                    break;
                case SectionKind.Trending:
                    AppendTrending(md, section, withSources);
                    break;
                case SectionKind.Prediction:
                    AppendPrediction(md, section);
                    break;
                default:
                    if (section.Heading is not null)
                    {
                        md.Append("## ").Append(EscapeInline(section.Heading)).Append("\n\n");
                    }

                    if (section.Body is not null)
                    {
                        md.Append(section.Body).Append("\n\n");
                    }

                    break;
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void AppendTopic(StringBuilder md, Section section, int number, bool withSources)
    {
        const string pad = "   ";
        md.Append(number).Append(". **").Append(EscapeInline(section.Heading ?? "")).Append("**\n\n");
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

        md.Append(pad).Append("- *").Append(name).Append(":*\n").Append(pad).Append("  ").Append(Indent(text, pad + "  ")).Append("\n\n");
    }

    private static void AppendTrending(StringBuilder md, Section section, bool withSources)
    {
        md.Append("- ").Append(EscapeInline(section.Heading ?? ""));
        if (withSources && section.Sources.Count > 0)
        {
            md.Append(" (").Append(string.Join(", ", section.Sources.Select(Link))).Append(')');
        }

        // The body goes on its own indented line: many headlines contain a colon, so "Headline: body" would be ambiguous.
        if (section.Body is not null)
        {
            md.Append("\n  ").Append(Indent(section.Body, "  "));
        }

        md.Append("\n\n");
    }

    private static void AppendPrediction(StringBuilder md, Section section)
    {
        md.Append("- **").Append(EscapeInline(section.Heading ?? "")).Append("**");
        if (section.PredictedWhen is not null)
        {
            md.Append(" (").Append(EscapeInline(section.PredictedWhen)).Append(')');
        }

        md.Append('\n');
        if (section.Body is not null)
        {
            md.Append("  ").Append(Indent(section.Body, "  ")).Append('\n');
        }

        md.Append('\n');
    }

    private static string Link(SectionSource source) => $"[{EscapeInline(source.Label)}]({EscapeUrl(source.Url)})";

    private static string Indent(string text, string pad) => text.Replace("\n", "\n" + pad, StringComparison.Ordinal);

    /// <summary>Escapes text so Markdown shows it literally (no emphasis, links, HTML or headings).</summary>
    public static string EscapeInline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '!' or '(' or ')' or '{' or '}' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string EscapeUrl(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal);
}
