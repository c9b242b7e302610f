using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Digest.Domain.Sources;

namespace Digest.Infrastructure.Sources;

/// <summary>An arXiv identifier without its version: new style "2401.12345", old style "hep-th/9901001".</summary>
public static partial class ArxivId
{
    public static bool IsArxivHost(string host)
    {
        var h = host.ToLowerInvariant();
        return h is "arxiv.org" or "www.arxiv.org" or "export.arxiv.org" or "rss.arxiv.org";
    }

    /// <summary>Finds the id in an arXiv address (abs, pdf, html), an "arXiv:" reference, an OAI identifier or a paper page.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return ArxivIds.TryFind(text, out id);
    }

    /// <summary>The id of an arXiv page address (abs/pdf/html on an arXiv host), or false for anything else.</summary>
    public static bool TryFromUrl(Uri url, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (!IsArxivHost(url.Host))
        {
            return false;
        }

        var match = PathPattern().Match(url.AbsolutePath);
        if (!match.Success)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    [GeneratedRegex(@"^/(?:abs|pdf|html)/(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
