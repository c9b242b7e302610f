using Digest.Domain.Posts;

namespace Digest.Infrastructure.Publishing;

/// <summary>
/// Renders a post once, when it is published or edited: the house-format Markdown of its sections becomes
/// sanitised HTML, and the post keeps it with its word count, so a page view never renders Markdown.
/// </summary>
public sealed class PostRenderer(MarkdownRenderer markdown)
{
    /// <summary>Renders the post's sections and stores the result on the post (<see cref="Post.SetRendering"/>).</summary>
    public RenderedPost Render(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var rendered = RenderMarkdown(ForReaders(post.Sections));
        post.SetRendering(rendered.Html, rendered.WordCount, SearchText(post, rendered.Html));
        return rendered;
    }

    /// <summary>The house-format Markdown of the sections as readers get it: without the writers' marks (<see cref="WriterMarks"/>).</summary>
    public static string ForReaders(IEnumerable<Section> sections) => WriterMarks.Strip(HouseFormat.ToMarkdown(sections));

    /// <summary>What full-text search reads besides the title: tags, description and the body's words.</summary>
    public static string SearchText(Post post, string html)
    {
        ArgumentNullException.ThrowIfNull(post);
        return PlainText.Collapse(string.Join(' ', [.. post.Tags, post.Description ?? "", PlainText.FromHtml(html)]));
    }

    /// <summary>Renders any Markdown body the way a post's body is rendered, e.g. an imported post's original text.</summary>
    public RenderedPost RenderMarkdown(string bodyMarkdown)
    {
        var html = markdown.ToSafeHtml(bodyMarkdown);
        var words = HugoCounts.WordCount(html);
        return new RenderedPost(html, words, HugoCounts.ReadingMinutes(words), TableOfContents.FromHtml(html));
    }
}
