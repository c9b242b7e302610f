using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// What a Hugo (PaperMod) post's front matter says. <see cref="Date"/> is UTC; flags and cover fall back to the
/// house defaults when a key is missing. <see cref="Url"/>, <see cref="Slug"/> and <see cref="Aliases"/> are kept
/// as written because they decide the post's old addresses.
/// </summary>
public sealed record HugoFrontMatter(
    string Title,
    DateTime Date,
    bool Draft,
    string? Author,
    IReadOnlyList<string> Tags,
    PostFlags Flags,
    Cover Cover,
    string? Description = null,
    string? Url = null,
    string? Slug = null,
    IReadOnlyList<string>? Aliases = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];
}
