using System.Globalization;
using System.Text;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Writes front matter exactly in the house layout of the old blog (key order, quoting, the cover block indented by
/// four spaces), so an imported post exports to the front matter it came with.
/// </summary>
public static class HugoFrontMatterWriter
{
    public static string Write(Post post)
    {
        var yaml = new StringBuilder("---\n");
        yaml.Append("title: ").Append(Quote(post.Title)).Append('\n');
        if (post.Description is not null)
        {
            yaml.Append("description: ").Append(Quote(post.Description)).Append('\n');
        }

        yaml.Append("date: ").Append(Date(post.Date)).Append('\n');
        yaml.Append("draft: ").Append(Bool(post.Status != PostStatus.Published)).Append('\n');
        yaml.Append("author: ").Append(Quote(post.Author)).Append('\n');
        yaml.Append("tags: [").Append(string.Join(", ", post.Tags.Select(Quote))).Append("]\n");
        yaml.Append("showToc: ").Append(Bool(post.Flags.ShowToc)).Append('\n');
        yaml.Append("tocOpen: ").Append(Bool(post.Flags.TocOpen)).Append('\n');
        yaml.Append("showReadingTime: ").Append(Bool(post.Flags.ShowReadingTime)).Append('\n');
        yaml.Append("showWordCount: ").Append(Bool(post.Flags.ShowWordCount)).Append('\n');
        if (post.Aliases.Count > 0)
        {
            // Hugo serves the exported post at /posts/<slug>/ and writes a redirect page at each alias.
            yaml.Append("aliases: [").Append(string.Join(", ", post.Aliases.Select(a => Quote(Path.HasExtension(a) ? a : a + "/")))).Append("]\n");
        }

        if (post.Cover != Cover.None)
        {
            yaml.Append(CoverBlock(post.Cover));
        }

        return yaml.Append("---\n").ToString();
    }

    /// <summary>The <c>cover:</c> block, its keys indented by four spaces as the old blog wrote them.</summary>
    public static string CoverBlock(Cover cover)
    {
        var yaml = new StringBuilder("cover:\n");
        if (cover.Image is not null)
        {
            yaml.Append("    image: ").Append(Quote(cover.Image)).Append('\n');
        }

        if (cover.Alt is not null)
        {
            yaml.Append("    alt: ").Append(Quote(cover.Alt)).Append('\n');
        }

        return yaml.Append("    hidden: ").Append(Bool(cover.Hidden)).Append('\n').ToString();
    }

    /// <summary>A YAML double-quoted scalar: every string is quoted so values like "yes", "1.0" or "[x]" stay text.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                _ when char.IsControl(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    // Entity dates are UTC by rule; a value read back from SQLite may be Unspecified, so the kind is not trusted.
    public static string Date(DateTime date) =>
        date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
