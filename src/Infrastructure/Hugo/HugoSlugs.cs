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

    /// <summary>The path the old blog served the post at: its <c>url</c>, its section's permalink pattern, or
    /// <c>/&lt;section&gt;/&lt;slug&gt;/</c>.</summary>
    public static string OldPath(HugoPost post, string section = "posts", string? permalink = null)
    {
        if (post.FrontMatter.Url is { } url)
        {
            return "/" + url.Trim().TrimStart('/');
        }

        return permalink is null ? $"/{section.Trim('/')}/{post.Slug}/" : Expand(permalink, post, section);
    }

    /// <summary>Hugo's permalink tokens (<c>:year</c>, <c>:month</c>, <c>:day</c>, <c>:slug</c>, <c>:filename</c>, …) for one post.</summary>
    public static string Expand(string pattern, HugoPost post, string section)
    {
        var date = post.FrontMatter.Date;
        var fileName = BaseName(post.FileName);
        var titleSlug = Urlize(post.FrontMatter.Title);
        var slug = post.FrontMatter.Slug is { } s ? Urlize(s) : titleSlug;
        var path = Token().Replace(pattern, match => match.Value[1..] switch
        {
            "year" => date.ToString("yyyy", CultureInfo.InvariantCulture),
            "month" => date.ToString("MM", CultureInfo.InvariantCulture),
            "monthname" => date.ToString("MMMM", CultureInfo.InvariantCulture).ToLowerInvariant(),
            "day" => date.ToString("dd", CultureInfo.InvariantCulture),
            "weekday" => ((int)date.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            "weekdayname" => date.DayOfWeek.ToString().ToLowerInvariant(),
            "yearday" => date.DayOfYear.ToString(CultureInfo.InvariantCulture),
            "section" or "sections" => section.Trim('/'),
            "title" => titleSlug,
            "slug" => slug,
            "slugorfilename" or "slugorcontentbasename" => post.FrontMatter.Slug is null ? Urlize(fileName) : slug,
            "filename" or "contentbasename" => Urlize(fileName),
            _ => match.Value,
        });
        return "/" + path.TrimStart('/');
    }

    /// <summary>Hugo's urlize: lower case, spaces to hyphens, characters that are not letters, digits or <c>-_.</c> dropped.</summary>
    private static string Urlize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                builder.Append('-');
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
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

    [GeneratedRegex(@":[a-z]+")]
    private static partial Regex Token();
}
