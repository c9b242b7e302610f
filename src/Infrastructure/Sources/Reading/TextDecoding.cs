using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>
/// Turns a body into text when the encoding declarations may be missing or wrong. A byte order mark is
/// trusted; otherwise bytes that are valid UTF-8 are read as UTF-8 whatever the declaration says (legacy
/// single-byte text is practically never valid UTF-8 by accident); otherwise the HTTP charset, then the
/// XML declaration, then Windows-1252 (what "ISO-8859-1" means on the web).
/// </summary>
public static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? httpCharset)
    {
        ArgumentNullException.ThrowIfNull(body);
        var span = body.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(span[3..]);
        }

        if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(span[2..]);
        }

        if (span.Length >= 2 && span[0] == 0xFE && span[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(span[2..]);
        }

        if (span.Length >= 2 && span[0] == '<' && span[1] == 0)
        {
            return Encoding.Unicode.GetString(span);
        }

        if (span.Length >= 2 && span[0] == 0 && span[1] == '<')
        {
            return Encoding.BigEndianUnicode.GetString(span);
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8, whatever it claims: fall through to the declared single-byte encodings.
        }

        foreach (var name in new[] { httpCharset, DeclaredXmlEncoding(span) })
        {
            if (TryGetEncoding(name) is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
            {
                return encoding.GetString(span);
            }
        }

        return Encoding.GetEncoding(1252).GetString(span);
    }

    private static Encoding? TryGetEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));
            // Browsers read Latin-1 labels as Windows-1252; so do feeds written on Windows that claim Latin-1.
            return encoding.CodePage == 28591 ? Encoding.GetEncoding(1252) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredXmlEncoding(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 200)]);
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9._:\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();
}
