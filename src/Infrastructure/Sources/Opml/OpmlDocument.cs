using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Opml;

/// <summary>
/// The source list as OPML 2.0, the format every feed reader imports and exports. Each source is an
/// <c>&lt;outline type="rss" text title xmlUrl&gt;</c>; what only Digest knows (kind, role, weight, enabled) rides along in
/// attributes of its own namespace, which other readers ignore, so a round trip through Digest loses nothing.
/// </summary>
public static class OpmlDocument
{
    public const string DigestNamespace = "urn:digest:opml:1";
    public const long MaxBytes = 1024 * 1024;
    public const int MaxOutlines = 1000;
    private static readonly XNamespace Digest = DigestNamespace;

    public static byte[] Write(IEnumerable<Source> sources, string title, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var body = new XElement("body", sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new XElement("outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", s.Name),
            new XAttribute("title", s.Name),
            new XAttribute("xmlUrl", s.Url),
            new XAttribute("htmlUrl", SiteOf(s.Address)),
            new XAttribute(Digest + "kind", s.Kind.ToString()),
            new XAttribute(Digest + "role", s.Role.ToString()),
            new XAttribute(Digest + "weight", s.Weight.ToString("0.##", CultureInfo.InvariantCulture)),
            new XAttribute(Digest + "enabled", s.Enabled ? "true" : "false"))));
        var opml = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml",
                new XAttribute("version", "2.0"),
                new XAttribute(XNamespace.Xmlns + "digest", DigestNamespace),
                new XElement("head",
                    new XElement("title", title),
                    new XElement("dateCreated", now.ToString("R", CultureInfo.InvariantCulture))),
                body));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            opml.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Every outline with a feed address, nested categories flattened; what cannot be read is a problem, not an exception.</summary>
    public static OpmlReading Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxBytes)
        {
            return OpmlReading.Unreadable($"The file is {(body.Length + 1023) / 1024} KB; an OPML file of sources is at most {MaxBytes / 1024} KB.");
        }

        XDocument xml;
        try
        {
            xml = SafeXml.Load(new FetchedDocument(new Uri("file:///sources.opml"), body, "text/x-opml"));
        }
        catch (SourceFormatException ex)
        {
            return OpmlReading.Unreadable($"The file is not OPML: {ex.Message}.");
        }

        if (xml.Root?.Name.LocalName != "opml" || xml.Root.Element("body") is not { } opmlBody)
        {
            return OpmlReading.Unreadable($"The file is not OPML: it starts with <{xml.Root?.Name.LocalName}>, not <opml> with a <body>.");
        }

        var entries = new List<OpmlEntry>();
        var problems = new List<string>();
        foreach (var outline in opmlBody.Descendants().Where(e => e.Name.LocalName == "outline").Take(MaxOutlines + 1))
        {
            if (entries.Count == MaxOutlines)
            {
                problems.Add($"Only the first {MaxOutlines} outlines were read.");
                break;
            }

            var url = Attribute(outline, "xmlUrl");
            if (url is null)
            {
                // A category (or a plain note): its children are read on their own.
                continue;
            }

            entries.Add(new OpmlEntry(
                url,
                Attribute(outline, "title") ?? Attribute(outline, "text"),
                Enum.TryParse<SourceKind>(Attribute(outline, Digest + "kind"), ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null,
                Enum.TryParse<SourceRole>(Attribute(outline, Digest + "role"), ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : null,
                double.TryParse(Attribute(outline, Digest + "weight"), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? weight : null,
                Attribute(outline, Digest + "enabled") is not { } enabled || !enabled.Equals("false", StringComparison.OrdinalIgnoreCase)));
        }

        return new OpmlReading(entries, problems);
    }

    private static string? Attribute(XElement element, XName name) =>
        element.Attribute(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string SiteOf(Uri url) => new UriBuilder(url.Scheme, url.Host, url.IsDefaultPort ? -1 : url.Port).Uri.AbsoluteUri;
}

/// <summary>One feed of an OPML file; Digest's own attributes are null when another reader wrote the file.</summary>
public sealed record OpmlEntry(string Url, string? Title, SourceKind? Kind, SourceRole? Role, double? Weight, bool Enabled);

public sealed record OpmlReading(IReadOnlyList<OpmlEntry> Entries, IReadOnlyList<string> Problems)
{
    public static OpmlReading Unreadable(string why) => new([], [why]);
}
