using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;

namespace Digest.Infrastructure.Publishing;

/// <summary>
/// The single Markdown pipeline of the app. Model output, source titles and editor text all go through it,
/// and all of it is untrusted: raw HTML in Markdown is shown as text, never interpreted, and the result
/// is sanitised by <see cref="ContentSanitizer"/>. Thread-safe; register once.
/// </summary>
public sealed class MarkdownRenderer(ContentSanitizer sanitizer)
{
    /// <summary>
    /// Heading ids as GitHub (and Hugo's default, goldmark) make them, so old anchors like
    /// <c>#possible-consequences-of-current-developments</c> keep working. Only strikethrough and mark among
    /// the emphasis extras: sub/superscript and insert would turn "~2x", "2^10" or "C++ and C++" into markup.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Marked)
        .UseAutoLinks()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    /// <summary>Markdown to HTML that is safe to put in a page or a feed as it is.</summary>
    public string ToSafeHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// The words of the Markdown without markup, whitespace collapsed — for descriptions, excerpts and
    /// search. It is text, not HTML: encode it where it is written into markup.
    /// </summary>
    public static string ToPlainText(string markdown) => PlainText.Collapse(Markdown.ToPlainText(markdown, Pipeline));
}
