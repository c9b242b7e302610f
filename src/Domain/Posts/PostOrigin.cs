namespace Digest.Domain.Posts;

/// <summary>Where a post came from: written by a generation run, imported from the old blog, or typed by hand.</summary>
public enum PostOrigin
{
    Generated,
    Imported,
    Manual,
}
