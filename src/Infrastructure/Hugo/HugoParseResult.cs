namespace Digest.Infrastructure.Hugo;

/// <summary>A Hugo post read from one file: its front matter, its URL slug and its sections in order.</summary>
/// <param name="IsFreeText">The body was not in the house format and is kept whole as one free section.</param>
/// <param name="Body">The Markdown after the front matter, as written: what the old blog rendered, so its word
/// count and reading time come from this text rather than from the sections written back out.</param>
public sealed record HugoPost(string FileName, string Slug, HugoFrontMatter FrontMatter, IReadOnlyList<HugoSection> Sections, bool IsFreeText, string Body = "")
{
    /// <summary>The file's text before its first section, as written: the front matter with its <c>---</c> lines (and,
    /// for a body with no section at all, the blank lines that are all it has). With the sections' Markdown it is the file.</summary>
    public string Head { get; init; } = "";

    /// <summary>The file as the sections and <see cref="Head"/> give it back; equal to the file read, line endings aside.</summary>
    public string Reassembled => Head + string.Concat(Sections.Select(s => s.Lead + s.Markdown));
}

/// <summary>
/// What reading one file gave: a post, or the reason it could not be read. <see cref="Notes"/> lists what the
/// importer should tell the person (text kept as free sections, front matter keys not kept).
/// </summary>
public sealed record HugoParseResult(string FileName, HugoPost? Post, string? Failure, IReadOnlyList<string> Notes)
{
    public bool Succeeded => Post is not null;

    internal static HugoParseResult Failed(string fileName, string reason) => new(fileName, null, reason, []);
}
