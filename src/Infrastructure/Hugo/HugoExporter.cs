using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>A post as a Hugo Markdown file: <c>&lt;slug&gt;.md</c>, so Hugo serves it at <c>/posts/&lt;slug&gt;/</c> as before.</summary>
public sealed record HugoExportFile(string FileName, string Text);

/// <summary>
/// Writes a post as a Hugo (PaperMod) Markdown file whose body is the Markdown the site renders
/// (<see cref="HouseFormat.ToMarkdown"/>, source links included), so Hugo shows what Digest shows. An imported post
/// starts from its file as written: its front matter with only the changed keys rewritten, and each section's
/// Markdown as written unless it was edited — never edited, it exports byte for byte as the file it came from.
/// Other posts get the house front matter.
/// </summary>
public static class HugoExporter
{
    public static HugoExportFile Export(Post post)
    {
        var head = post.SourceFrontMatter is { } original ? HugoFrontMatterPatcher.Patch(original, post) : HugoFrontMatterWriter.Write(post);
        return new(post.Slug + ".md", head + (post.Sections.Count == 0 ? "" : HouseFormat.ToMarkdown(post.Sections)));
    }
}
