namespace Digest.Infrastructure.Search;

/// <summary>One published post that matched a search, best first.</summary>
public sealed record SearchHit(string Slug, string Title, DateTime Date, int WordCount, string? Description, string? ContentHtml);

/// <summary>One page of a search: its hits, how many posts matched in all, and where the page is among them.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public static readonly SearchResults None = new([], 0, 1, PostSearch.PageSize);

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
