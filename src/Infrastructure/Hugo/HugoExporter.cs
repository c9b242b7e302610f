using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>A post as a Hugo Markdown file: <c>&lt;slug&gt;.md</c>, so Hugo serves it at <c>/posts/&lt;slug&gt;/</c> as before.</summary>
public sealed record HugoExportFile(string FileName, string Text);

/// <summary>
/// Writes a post as a Hugo (PaperMod) Markdown file: the house front matter, then the body as the public page shows
/// it (<see cref="HouseFormat.ToMarkdown"/> without source links, as the old blog had none). Reading the file back
/// with <see cref="HugoPostParser"/> gives the same front matter values and the same sections.
/// </summary>
public static class HugoExporter
{
    public static HugoExportFile Export(Post post) =>
        new(post.Slug + ".md", HugoFrontMatterWriter.Write(post) + HouseFormat.ToMarkdown(post.Sections, withSources: false));
}
