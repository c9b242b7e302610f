using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Digest.Domain.Sources;

/// <summary>
/// arXiv identifiers without their version: new style "2401.12345", old style "hep-th/9901001". Found in arXiv
/// addresses (abs, pdf, html), "arXiv:" references, OAI identifiers, and the paper pages of Hugging Face and alphaXiv,
/// which is where a Reddit or Hacker News post about a paper usually points.
/// </summary>
public static partial class ArxivIds
{
    public static bool TryFind(string? text, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Reference().Match(text);
        if (!match.Success)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    /// <summary>Every distinct id the text refers to, in order of appearance.</summary>
    public static IReadOnlyList<string> FindAll(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. Reference().Matches(text).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>An id on its own (as the arXiv reader stores it in ExternalId), versions stripped.</summary>
    public static bool TryBare(string? text, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Bare().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf|html)/|arXiv:|oai:arXiv\.org:|huggingface\.co/papers/|alphaxiv\.org/(?:abs|overview)/)(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
}
