namespace Digest.Domain.Posts;

/// <summary>
/// One part of a post in the house format. Which text fields carry meaning depends on <see cref="Kind"/>:
/// a topic has a heading, an optional summary body, Benefits and Ramifications; a prediction has a subject
/// (heading), a predicted date and a rationale (body); trending, notice and free sections use heading and body.
/// A topic written from a discussion may also have a one-line <see cref="Thread"/>: what the thread said, linked to
/// <see cref="ThreadUrl"/>.
/// </summary>
public sealed class Section
{
    private readonly List<SectionSource> _sources = [];

    private Section() { }

    public Section(SectionKind kind, string? heading, string? body, string? benefits = null, string? ramifications = null, string? predictedWhen = null, string? thread = null)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Heading = Clean(heading);
        Body = Clean(body);
        Benefits = Clean(benefits);
        Ramifications = Clean(ramifications);
        PredictedWhen = Clean(predictedWhen);
        Thread = Clean(thread);
    }

    /// <summary>A new section of <paramref name="kind"/> holding <paramref name="text"/>.</summary>
    public static Section From(SectionKind kind, SectionText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Section(kind, text.Heading, text.Body, text.Benefits, text.Ramifications, text.PredictedWhen, text.Thread);
    }

    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public int Position { get; internal set; }
    public SectionKind Kind { get; private set; }
    public string? Heading { get; private set; }
    public string? Body { get; private set; }
    public string? Benefits { get; private set; }
    public string? Ramifications { get; private set; }
    public string? PredictedWhen { get; private set; }
    /// <summary>
    /// The section's Markdown exactly as it was written in the file it was imported from; while set, it is what the
    /// post renders and exports for this section (see <see cref="HouseFormat"/>). Any change of the section's text
    /// drops it, and the section is then written from its fields in the house format. Null for generated posts.
    /// </summary>
    public string? Markdown { get; private set; }
    /// <summary>
    /// What the file had between the previous section and this one (blank lines, a part heading, a label), kept as
    /// written so an unedited post renders and exports exactly as the file did. Null: the house format decides.
    /// </summary>
    public string? Lead { get; internal set; }
    /// <summary>"What the thread said": one line on the discussion's comments, kept or removed by the editor.</summary>
    public string? Thread { get; private set; }
    /// <summary>The discussion the <see cref="Thread"/> line links to; provenance, so a rewrite keeps it.</summary>
    public string? ThreadUrl { get; private set; }
    public IReadOnlyList<SectionSource> Sources => _sources;

    public void AddSource(SectionSource source) => _sources.Add(source);

    /// <summary>Keeps the Markdown this section was read from, and what stood before it, as the text to render and export.</summary>
    public Section KeepMarkdown(string? lead, string? markdown)
    {
        Lead = lead;
        Markdown = markdown;
        return this;
    }

    /// <summary>Links the <see cref="Thread"/> line to the discussion it summarises (an absolute http(s) address, or nothing).</summary>
    public void LinkThread(string? url) =>
        ThreadUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>
    /// Replaces the text of the section; provenance stays, because the topic is still the same story. Saving the
    /// same text changes nothing, so the Markdown it was imported from stays what is rendered.
    /// </summary>
    public void Rewrite(SectionText text)
    {
        if (Normalized(text) == Text)
        {
            return;
        }

        Markdown = null;
        Heading = Clean(text.Heading);
        Body = Clean(text.Body);
        Benefits = Clean(text.Benefits);
        Ramifications = Clean(text.Ramifications);
        PredictedWhen = Clean(text.PredictedWhen);
        Thread = Clean(text.Thread);
    }

    public SectionText Text => new(Heading, Body, Benefits, Ramifications, PredictedWhen, Thread);

    /// <summary>Text that a reader would see as missing: nothing at all, or only whitespace.</summary>
    public bool HasEmptyPart(out string what)
    {
        var missing = new List<string>();
        switch (Kind)
        {
            case SectionKind.Topic:
                Require(missing, Heading, "heading");
                Require(missing, Benefits, "Benefits");
                Require(missing, Ramifications, "Ramifications");
                break;
            case SectionKind.Prediction:
                Require(missing, Heading, "subject");
                Require(missing, Body, "rationale");
                break;
            case SectionKind.Trending:
                Require(missing, Heading, "headline");
                break;
            default:
                Require(missing, Body ?? Heading, "text");
                break;
        }

        what = string.Join(" or ", missing);
        return missing.Count > 0;
    }

    private static void Require(List<string> missing, string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            missing.Add(name);
        }
    }

    private static SectionText Normalized(SectionText text) =>
        new(Clean(text.Heading), Clean(text.Body), Clean(text.Benefits), Clean(text.Ramifications), Clean(text.PredictedWhen), Clean(text.Thread));

    private static string? Clean(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}

/// <summary>The editable text of a section, as a value.</summary>
public sealed record SectionText(string? Heading, string? Body, string? Benefits = null, string? Ramifications = null, string? PredictedWhen = null, string? Thread = null);
