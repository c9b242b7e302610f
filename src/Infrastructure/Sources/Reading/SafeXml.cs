using System.Xml;
using System.Xml.Linq;

namespace Digest.Infrastructure.Sources.Reading;

/// <summary>
/// Loads untrusted XML: never resolves anything outside the document and never expands declared entities.
/// A DTD with an internal subset (where entity bombs and external entities live) is refused outright with a
/// clear message; a bare DOCTYPE line, as old RSS 0.91 feeds carry, is skipped.
/// </summary>
public static class SafeXml
{
    public static XDocument Load(FetchedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = TextDecoding.Decode(document.Body, document.Charset);
        if (HasInternalSubset(text))
        {
            throw new SourceFormatException("XML has a DTD: refused (entity declarations are never expanded)");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = Math.Max(text.Length * 2L, 1024),
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new SourceFormatException($"malformed XML: {ex.Message}", ex);
        }
    }

    /// <summary>Whether a DOCTYPE before the root element carries "[ … ]" declarations.</summary>
    internal static bool HasInternalSubset(string text)
    {
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype < 0)
        {
            return false;
        }

        var root = FirstElementStart(text);
        if (root >= 0 && root < doctype)
        {
            return false;
        }

        var quote = '\0';
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
            else if (c == '[')
            {
                return true;
            }
            else if (c == '>')
            {
                return false;
            }
        }

        return false;
    }

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
}
