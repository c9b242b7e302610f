using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>
/// Loads untrusted XML the way careful feed readers do: white space or a stray byte order mark before the XML
/// declaration is skipped (WordPress feeds often start with a blank line), and a DTD is read when all it declares
/// are plain internal entities (<c>&lt;!ENTITY nbsp "&amp;#160;"&gt;</c>). Anything else in a DTD is refused with a
/// clear message: external entities (never fetched), parameter entities, and entities built from other entities,
/// which is how expansion bombs grow; what the rest may expand to is capped. Nothing is ever resolved outside the
/// document.
/// </summary>
public static partial class SafeXml
{
    /// <summary>The most characters all entity references of one document may expand to together.</summary>
    public const int MaxCharactersFromEntities = 256 * 1024;

    public static XDocument Load(FetchedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = SkipLeadingJunk(TextDecoding.Decode(document.Body, document.Charset));
        var subset = InternalSubset(text);
        if (subset is not null)
        {
            CheckDeclarations(subset);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = subset is null ? DtdProcessing.Ignore : DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = MaxCharactersFromEntities,
            MaxCharactersInDocument = Math.Max(text.Length * 2L, 1024) + MaxCharactersFromEntities,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersFromEntities", StringComparison.Ordinal))
        {
            throw new SourceFormatException($"XML entities expand to more than {MaxCharactersFromEntities / 1024} K characters: refused (an entity expansion bomb?)", ex);
        }
        catch (XmlException ex)
        {
            throw new SourceFormatException($"malformed XML: {ex.Message}", ex);
        }
    }

    /// <summary>The text from its first '&lt;' when only white space and byte order marks come before it.</summary>
    internal static string SkipLeadingJunk(string text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] is '\uFEFF' or '\u200B'))
        {
            start++;
        }

        return start < text.Length && text[start] == '<' ? text[start..] : text;
    }

    /// <summary>Refuses every declaration of a DTD's internal subset except plain internal general entities.</summary>
    private static void CheckDeclarations(string subset)
    {
        if (ParameterEntityReference().IsMatch(WithoutQuotedText(subset)))
        {
            throw new SourceFormatException("XML DTD uses parameter entities: refused (entity declarations from elsewhere are never read)");
        }

        foreach (Match declaration in EntityDeclaration().Matches(subset))
        {
            var name = declaration.Groups["name"].Value;
            if (declaration.Groups["parameter"].Success)
            {
                throw new SourceFormatException($"XML DTD declares a parameter entity ({name}): refused (entity declarations from elsewhere are never read)");
            }

            if (declaration.Groups["external"].Success)
            {
                throw new SourceFormatException($"XML DTD declares an external entity ({name}): refused (external entities are never fetched)");
            }

            if (NamedReference().IsMatch(declaration.Groups["value"].Value))
            {
                throw new SourceFormatException($"XML DTD declares an entity made of other entities ({name}): refused (this is how entity expansion bombs grow)");
            }
        }
    }

    /// <summary>The "[ … ]" declarations of a DOCTYPE before the root element, or null when there are none.</summary>
    internal static string? InternalSubset(string text)
    {
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype < 0)
        {
            return null;
        }

        var root = FirstElementStart(text);
        if (root >= 0 && root < doctype)
        {
            return null;
        }

        var quote = '\0';
        var open = -1;
        for (var i = doctype + 9; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (open < 0 && c == '[')
            {
                open = i;
            }
            else if (open >= 0 && c == ']')
            {
                return text[(open + 1)..i];
            }
            else if (open < 0 && c == '>')
            {
                return null;
            }
        }

        // An unterminated subset: let the parser say where it breaks.
        return open >= 0 ? text[(open + 1)..] : null;
    }

    private static string WithoutQuotedText(string subset) => QuotedText().Replace(subset, "\"\"");

    private static int FirstElementStart(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            var next = text[i + 1];
            if (char.IsLetter(next) || next is '_' or ':')
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("""<!ENTITY\s+(?<parameter>%\s+)?(?<name>[^\s"'>]+)\s+(?:(?<external>SYSTEM|PUBLIC)\b|(?<value>"[^"]*"|'[^']*'))""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EntityDeclaration();

    /// <summary>"&amp;name;" — a character reference ("&amp;#160;") is not one.</summary>
    [GeneratedRegex(@"&[^#\s;]+;", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"%[^\s;%]+;", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ParameterEntityReference();

    [GeneratedRegex("""("[^"]*"|'[^']*')""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuotedText();
}
