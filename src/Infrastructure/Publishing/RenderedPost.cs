namespace Digest.Infrastructure.Publishing;

/// <summary>What a reader sees of a post's body: safe HTML, Hugo's word count and reading time, and the TOC.</summary>
public sealed record RenderedPost(string Html, int WordCount, int ReadingMinutes, IReadOnlyList<TocEntry> Toc)
{
    /// <summary>The same values from what a post stores (ContentHtml, WordCount), without rendering again.</summary>
    public static RenderedPost FromStored(string? contentHtml, int wordCount) =>
        new(contentHtml ?? "", wordCount, HugoCounts.ReadingMinutes(wordCount), TableOfContents.FromHtml(contentHtml));
}
