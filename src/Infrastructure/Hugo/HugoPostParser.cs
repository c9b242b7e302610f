using System.Text;
using Digest.Domain.Common;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Reads one Hugo Markdown file into a <see cref="HugoParseResult"/>. Anything wrong with the file (binary, too big,
/// not UTF-8, TOML or missing front matter, malformed YAML) comes back as a failure with a reason; no exception
/// leaves this class.
/// </summary>
public static class HugoPostParser
{
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static HugoParseResult Parse(string fileName, ReadOnlySpan<byte> content, int maxBytes = DefaultMaxBytes)
    {
        if (content.Length > maxBytes)
        {
            return HugoParseResult.Failed(fileName, TooBig(content.Length, maxBytes));
        }

        string text;
        try
        {
            text = Decode(content);
        }
        catch (DecoderFallbackException)
        {
            return HugoParseResult.Failed(fileName, "The file is not UTF-8 text.");
        }

        return Parse(fileName, text, maxBytes);
    }

    public static HugoParseResult Parse(string fileName, string text, int maxBytes = DefaultMaxBytes)
    {
        if (text.Length > maxBytes)
        {
            return HugoParseResult.Failed(fileName, TooBig(text.Length, maxBytes));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return HugoParseResult.Failed(fileName, "The file is binary (it contains NUL bytes), not Markdown.");
        }

        try
        {
            return ParseText(fileName, text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        }
        catch (HugoFormatException e)
        {
            return HugoParseResult.Failed(fileName, e.Message);
        }
        catch (DomainException e)
        {
            return HugoParseResult.Failed(fileName, e.Message);
        }
#pragma warning disable CA1031 // One unreadable file must be reported in the import summary, never stop the import.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HugoParseResult.Failed(fileName, $"The file could not be read: {e.Message}");
        }
    }

    private static HugoParseResult ParseText(string fileName, string text)
    {
        var lines = text.Split('\n');
        var opening = lines[0].TrimEnd();
        switch (opening)
        {
            case "+++":
                throw new HugoFormatException("TOML front matter (+++) is not supported; convert the file to YAML front matter (---).");
            case var _ when opening.StartsWith('{'):
                throw new HugoFormatException("JSON front matter is not supported; convert the file to YAML front matter (---).");
            case not "---":
                throw new HugoFormatException("The file has no front matter: a Hugo post starts with a line \"---\", then YAML, then \"---\".");
        }

        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        if (closing < 0)
        {
            throw new HugoFormatException("The front matter that starts on line 1 is never closed with a \"---\" line.");
        }

        var notes = new List<string>();
        var frontMatter = HugoFrontMatterReader.Read(string.Join('\n', lines[1..closing]), 2, HugoSlugs.DateFromName(fileName), notes);
        var slug = HugoSlugs.For(fileName, frontMatter);
        var markdown = string.Join('\n', lines[(closing + 1)..]);
        var body = HouseBodyParser.Parse(markdown);
        notes.AddRange(body.Notes);
        var head = string.Join('\n', lines[..(closing + 1)]) + "\n" + body.Trailing;
        var post = new HugoPost(fileName, slug, frontMatter, body.Sections, IsFreeText: !body.Understood, markdown) { Head = head };
        return new HugoParseResult(fileName, post, null, notes);
    }

    private static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            return StrictUtf8.GetString(content[3..]);
        }

        // UTF-16 text is full of NUL bytes; decode it before the binary check so a Windows export is not rejected.
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            var utf16 = content[0] == 0xFF ? new UnicodeEncoding(false, false, true) : new UnicodeEncoding(true, false, true);
            return utf16.GetString(content[2..]);
        }

        return content.IndexOf((byte)0) >= 0 ? "\0" : StrictUtf8.GetString(content);
    }

    private static string TooBig(long size, int max) =>
        $"The file is {size / (1024.0 * 1024):0.#} MB; posts larger than {max / (1024.0 * 1024):0.#} MB are not imported.";
}
