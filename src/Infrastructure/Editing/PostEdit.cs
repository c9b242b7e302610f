using Digest.Domain.Posts;

namespace Digest.Infrastructure.Editing;

/// <summary>An editor's save: the post's title and the text of its sections, against the version they started from.</summary>
public sealed record PostEdit(Guid PostId, Guid ExpectedVersion, string Title, IReadOnlyList<SectionEdit> Sections);

public sealed record SectionEdit(Guid SectionId, SectionText Text);

/// <summary>Someone else saved the post since this editor opened it; nothing was written.</summary>
public sealed class EditConflictException(Guid postId) : Exception("Someone else saved this post after you opened it. Your changes were not saved; compare and choose.")
{
    public Guid PostId { get; } = postId;
}

/// <summary>The post named does not exist.</summary>
public sealed class PostNotFoundException(string idOrSlug) : Exception($"No post \"{idOrSlug}\".");
