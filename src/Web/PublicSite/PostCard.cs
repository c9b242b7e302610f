namespace Digest.Web.PublicSite;

/// <summary>A published post as lists show it: title, date, reading time, tags and a short excerpt.</summary>
public sealed record PostCard(string Slug, string Title, DateTime Date, int WordCount, IReadOnlyList<string> Tags, string Excerpt);

/// <summary>A published post as archives, tag pages, neighbours and the sitemap name it.</summary>
public sealed record PostLink(string Slug, string Title, DateTime Date, DateTime UpdatedAt, IReadOnlyList<string> Tags);

/// <summary>One page of a paged list, its number already clamped to the pages that exist.</summary>
public sealed record PostList(IReadOnlyList<PostCard> Posts, int Number, int Count);

/// <summary>A tag as readers see it, with its URL name and how many published posts carry it.</summary>
public sealed record TagCount(string Name, string Slug, int Posts);
