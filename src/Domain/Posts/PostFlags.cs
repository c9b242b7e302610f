namespace Digest.Domain.Posts;

/// <summary>The page options of the house front matter.</summary>
public sealed record PostFlags(bool ShowToc, bool TocOpen, bool ShowReadingTime, bool ShowWordCount)
{
    public static readonly PostFlags HouseDefault = new(ShowToc: true, TocOpen: false, ShowReadingTime: true, ShowWordCount: true);
}
