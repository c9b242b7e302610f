using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>
/// Keeps sanitised HTML inert in readers that decode entities once too often. Such a reader turns the text
/// "&amp;lt;img onerror=…&amp;gt;" (shown as text by a correct reader) into a live tag, and "&amp;quot;" inside an
/// attribute into the end of the attribute. So, for feeds only: a '&lt;' in text that could open a tag becomes '‹'
/// (U+2039), a quote inside an attribute becomes a typographic one, and URLs carry those characters percent-encoded.
/// What a correct reader shows barely changes; what a careless one can be made to run is nothing.
/// </summary>
public static partial class InertHtml
{
    public static void Defuse(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var node in root.Descendants().ToList())
        {
            if (node is IText text && TagLike().IsMatch(text.Data))
            {
                text.Data = Text(text.Data);
            }
            else if (node is IElement element)
            {
                foreach (var attribute in element.Attributes.ToList())
                {
                    var value = attribute.Value;
                    var defused = attribute.LocalName is "href" or "src"
                        ? value.Replace("\"", "%22", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal)
                            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
                        : Text(value).Replace('"', '\u201D');
                    if (!string.Equals(defused, value, StringComparison.Ordinal))
                    {
                        element.SetAttribute(attribute.NamespaceUri, attribute.Name, defused);
                    }
                }
            }
        }
    }

    /// <summary>Plain text with every '&lt;' that could open a tag, comment or declaration turned into '‹'.</summary>
    public static string Text(string text) => string.IsNullOrEmpty(text) ? text ?? "" : TagLike().Replace(text, "\u2039");

    [GeneratedRegex(@"<(?=[A-Za-z/!?])", RegexOptions.CultureInvariant)]
    private static partial Regex TagLike();
}
