namespace Digest.Domain.Posts;

/// <summary>A post's cover image as PaperMod has it: the image, its alt text, and whether the page hides it.</summary>
public sealed record Cover(string? Image, string? Alt, bool Hidden)
{
    public static readonly Cover None = new(null, null, true);
}
