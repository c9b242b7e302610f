namespace Digest.Infrastructure.Hugo;

/// <param name="OldBaseUrl">The old blog's baseURL (e.g. https://blog.example.com/). When set, each post keeps the RSS
/// guid Hugo gave it — its permalink — so subscribers are not notified again.</param>
/// <param name="DefaultAuthor">Used for posts whose front matter names no author.</param>
/// <param name="Section">The Hugo content section the posts lived in, which is the first part of their old URLs.</param>
public sealed record HugoImportOptions(string? OldBaseUrl = null, string DefaultAuthor = "", string Section = "posts");
