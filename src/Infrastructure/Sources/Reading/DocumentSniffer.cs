using System.Text;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>Looks at the first bytes of a body. The bytes decide before the content type does: plenty of feeds
/// are served as text/html or text/plain, and plenty of error pages as application/xml.</summary>
public static class DocumentSniffer
{
    public static DocumentShape Sniff(ReadOnlySpan<byte> body, string? mediaType = null)
    {
        var head = Head(body);
        if (head.Length == 0)
        {
            return DocumentShape.Unknown;
        }

        if (head[0] is '{' or '[')
        {
            return DocumentShape.Json;
        }

        if (head[0] == '<')
        {
            if (StartsWithAny(head, "<!doctype html", "<html", "<head", "<body", "<!-- html", "<meta", "<title", "<script", "<div", "<p>", "<h1", "<center"))
            {
                return DocumentShape.Html;
            }

            if (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase)
                && !head.Contains("<rss", StringComparison.Ordinal) && !head.Contains("<feed", StringComparison.Ordinal) && !head.Contains("RDF", StringComparison.Ordinal))
            {
                return DocumentShape.Html;
            }

            return DocumentShape.Xml;
        }

        return IsHtmlMediaType(mediaType) ? DocumentShape.Html : DocumentShape.Unknown;
    }

    public static bool IsHtmlMediaType(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first few hundred characters, without byte order mark or leading white space, read as
    /// ASCII-compatible (UTF-16 is widened first) — enough to see what kind of document starts here.</summary>
    private static string Head(ReadOnlySpan<byte> body)
    {
        string text;
        if (body.Length >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == '<' && body[1] == 0)))
        {
            text = Encoding.Unicode.GetString(body[..Math.Min(body.Length & ~1, 1024)]);
        }
        else if (body.Length >= 2 && ((body[0] == 0xFE && body[1] == 0xFF) || (body[0] == 0 && body[1] == '<')))
        {
            text = Encoding.BigEndianUnicode.GetString(body[..Math.Min(body.Length & ~1, 1024)]);
        }
        else
        {
            text = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 512)]);
        }

        return text.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', '\uFFFE', ' ', '\t', '\r', '\n');
    }

    private static bool StartsWithAny(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
