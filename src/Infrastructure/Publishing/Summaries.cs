using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Publishing;

/// <summary>Short plain-text summaries of post content for feed descriptions and meta descriptions.</summary>
public static partial class Summaries
{
    /// <summary>
    /// The first words of the content after a leading blockquote: a house-format post opens with the
    /// same notice every day, which would make every summary identical.
    /// </summary>
    public static string FromContent(string contentHtml, int maxLength = 300)
    {
        var body = LeadingBlockquote().Replace(contentHtml, "", 1);
        var text = PlainText.FromHtml(body);
        return PlainText.Excerpt(text.Length > 0 ? text : PlainText.FromHtml(contentHtml), maxLength);
    }

    [GeneratedRegex(@"^\s*<blockquote\b.*?</blockquote>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingBlockquote();
}
