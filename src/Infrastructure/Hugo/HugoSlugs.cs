using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>The URL names Hugo gives a post: from <c>slug</c> or <c>url</c> in the front matter, else from the file name
/// (or, for a page bundle's <c>index.md</c>, from its folder), lower-cased and hyphenated.</summary>
public static partial class HugoSlugs
{
    public static string For(string fileName, HugoFrontMatter frontMatter)
    {
        if (frontMatter.Slug is not null)
        {
            return Slugs.Normalize(frontMatter.Slug);
        }

        if (frontMatter.Url is not null && frontMatter.Url.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { } last)
        {
            return Slugs.Normalize(Path.GetFileNameWithoutExtension(last));
        }

        return Slugs.Normalize(BaseName(fileName));
    }

    /// <summary>The path the old blog served the post at: its <c>url</c>, or <c>/&lt;section&gt;/&lt;slug&gt;/</c>.</summary>
    public static string OldPath(HugoPost post, string section = "posts")
    {
        if (post.FrontMatter.Url is { } url)
        {
            return "/" + url.Trim().TrimStart('/');
        }

        return $"/{section.Trim('/')}/{post.Slug}/";
    }

    /// <summary>The date at the start of a file name (<c>2023-04-12-…</c>), which Hugo can use when the front matter has none.</summary>
    public static DateTime? DateFromName(string fileName)
    {
        var match = LeadingDate().Match(BaseName(fileName));
        return match.Success && DateTime.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    private static string BaseName(string fileName)
    {
        var parts = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length == 0 ? fileName : Path.GetFileNameWithoutExtension(parts[^1]);
        return name.Equals("index", StringComparison.OrdinalIgnoreCase) && parts.Length > 1 ? parts[^2] : name;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex LeadingDate();
}
