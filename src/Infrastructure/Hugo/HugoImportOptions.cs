namespace Digest.Infrastructure.Hugo;

/// <param name="OldBaseUrl">The old blog's baseURL (e.g. https://blog.example.com/). When set, each post keeps the RSS
/// guid Hugo gave it — its permalink — so subscribers are not notified again.</param>
/// <param name="DefaultAuthor">Used for posts whose front matter names no author.</param>
/// <param name="Section">The Hugo content section the posts lived in, which is the first part of their old URLs.</param>
public sealed record HugoImportOptions(string? OldBaseUrl = null, string DefaultAuthor = "", string Section = "posts")
{
    /// <summary>The site's permalink pattern for the section (e.g. <c>/:year/:month/:slug/</c>); null is Hugo's default,
    /// <c>/&lt;section&gt;/&lt;file name or slug&gt;/</c>.</summary>
    public string? Permalink { get; init; }

    /// <summary>Where the files came from (a site's root, a folder, an upload), for the record.</summary>
    public string? SourceName { get; init; }
}
