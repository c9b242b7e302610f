using Digest.Domain.Posts;

namespace Digest.Infrastructure.Editing;

/// <summary>An editor's save: the post's title and the text of its sections, against the version they started from.</summary>
public sealed record PostEdit(Guid PostId, Guid ExpectedVersion, string Title, IReadOnlyList<SectionEdit> Sections)
{
    /// <summary>The front matter (its title is ignored in favour of <see cref="Title"/>); null keeps the post's.</summary>
    public PostMetadata? Metadata { get; init; }

    /// <summary>
    /// True when <see cref="Sections"/> is the whole post in its new order: sections left out are removed and
    /// sections with an id the post does not have are added. False only rewrites the sections named.
    /// </summary>
    public bool IsComplete { get; init; }
}

public sealed record SectionEdit(Guid SectionId, SectionText Text)
{
    /// <summary>The kind of a section the editor added; ignored for sections the post already has.</summary>
    public SectionKind Kind { get; init; } = SectionKind.Free;
}

/// <summary>Someone else saved the post since this editor opened it; nothing was written.</summary>
public sealed class EditConflictException(Guid postId) : Exception("Someone else saved this post after you opened it. Your changes were not saved; compare and choose.")
{
    public Guid PostId { get; } = postId;
}

/// <summary>The post named does not exist.</summary>
public sealed class PostNotFoundException(string idOrSlug) : Exception($"No post \"{idOrSlug}\".");
