using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// What a Hugo site's own configuration says about the posts an import brings over: the base URL its permalinks
/// (and so its RSS guids) started with, the permalink pattern of the posts' section, how many items its feed
/// carried, and where the posts are. Read from <c>hugo.toml|yaml|json</c> or <c>config.toml|yaml|json</c> at the
/// site's root, the files Hugo itself reads.
/// </summary>
/// <param name="RssLimit">The feed's length; null when the site set none (Hugo then served every page).</param>
public sealed record HugoSiteConfig(string Root, string ConfigFile, string? BaseUrl, string PostsFolder, string Section, string? Permalink, int? RssLimit)
{
    private static readonly string[] Names = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];

    /// <summary>The configuration file at the root of a Hugo site, or null when <paramref name="folder"/> is not one.</summary>
    public static string? FindConfigFile(string folder) =>
        Names.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>Reads the site at <paramref name="root"/>; a configuration that cannot be read is a clear error, never a guess.</summary>
    public static HugoSiteConfig Read(string root)
    {
        var file = FindConfigFile(root) ?? throw new HugoFormatException($"{root} has no hugo.toml, config.toml, config.yaml or config.json: it is not the root of a Hugo site.");
        Dictionary<string, object?> config;
        try
        {
            var text = File.ReadAllText(file);
            config = Path.GetExtension(file).ToLowerInvariant() switch
            {
                ".toml" => FromToml(TomlSerializer.Deserialize<TomlTable>(text) ?? []),
                ".json" => FromJson(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })),
                _ => FromYaml(text),
            };
        }
        catch (Exception e) when (e is not HugoFormatException and not IOException and not UnauthorizedAccessException)
        {
            throw new HugoFormatException($"{Path.GetFileName(file)} could not be read: {e.Message}");
        }

        var baseUrl = Text(config, "baseURL");
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            // "/" or a relative base means the old feed's guids were relative too; there is nothing to keep.
            baseUrl = null;
        }

        var contentDir = Text(config, "contentDir") ?? "content";
        var content = Path.Combine(root, contentDir);
        var mainSections = (Get(config, "params") as Dictionary<string, object?>) is { } parameters && Get(parameters, "mainSections") is List<object?> sections
            ? sections.OfType<string>().ToList()
            : [];
        string[] candidates = ["posts", .. mainSections, "post", "blog"];
        var section = candidates.FirstOrDefault(s => Directory.Exists(Path.Combine(content, s)));
        var folder = section is null ? content : Path.Combine(content, section);
        if (!Directory.Exists(folder))
        {
            throw new HugoFormatException($"The site's content folder {folder} does not exist.");
        }

        return new HugoSiteConfig(root, file, baseUrl, folder, section ?? "posts", PermalinkFor(config, section ?? "posts"), ReadRssLimit(config));
    }

    public HugoImportOptions ToOptions(string? baseUrlOverride = null) =>
        new(baseUrlOverride ?? BaseUrl, Section: Section) { Permalink = Permalink, SourceName = Root };

    private static string? PermalinkFor(Dictionary<string, object?> config, string section)
    {
        if (Get(config, "permalinks") is not Dictionary<string, object?> permalinks)
        {
            return null;
        }

        // Hugo 0.119+ nests patterns by kind ("[permalinks.page] posts = …"); older sites map sections directly.
        var pages = Get(permalinks, "page") as Dictionary<string, object?> ?? permalinks;
        return Text(pages, section);
    }

    private static int? ReadRssLimit(Dictionary<string, object?> config)
    {
        var limit = Get(config, "rssLimit")
            ?? (Get(config, "services") is Dictionary<string, object?> services && Get(services, "rss") is Dictionary<string, object?> rss ? Get(rss, "limit") : null);
        return limit switch
        {
            null => null,
            long or int or double when Convert.ToInt64(limit, CultureInfo.InvariantCulture) > 0 => (int)Math.Min(Convert.ToInt64(limit, CultureInfo.InvariantCulture), int.MaxValue),
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
            _ => null, // 0 or -1: Hugo's "no limit"
        };
    }

    private static object? Get(Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static string? Text(Dictionary<string, object?> map, string key) =>
        Get(map, key) is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    // Hugo's keys are case-insensitive (baseURL, baseurl): every map here compares keys that way.
    private static Dictionary<string, object?> FromToml(TomlTable table) =>
        table.ToDictionary(p => p.Key, p => FromTomlValue(p.Value), StringComparer.OrdinalIgnoreCase);

    private static object? FromTomlValue(object? value) => value switch
    {
        TomlTable table => FromToml(table),
        TomlArray array => array.Select(FromTomlValue).ToList(),
        _ => value,
    };

    private static Dictionary<string, object?> FromJson(JsonNode? node) =>
        node is JsonObject map ? map.ToDictionary(p => p.Key, p => FromJsonValue(p.Value), StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);

    private static object? FromJsonValue(JsonNode? node) => node switch
    {
        JsonObject => FromJson(node),
        JsonArray array => array.Select(FromJsonValue).ToList(),
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => null,
    };

    private static Dictionary<string, object?> FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? new(StringComparer.OrdinalIgnoreCase) : FromYamlNode(stream.Documents[0].RootNode) as Dictionary<string, object?> ?? new(StringComparer.OrdinalIgnoreCase);
    }

    private static object? FromYamlNode(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => (p.Key as YamlScalarNode)?.Value ?? "", p => FromYamlNode(p.Value), StringComparer.OrdinalIgnoreCase),
        YamlSequenceNode sequence => sequence.Children.Select(FromYamlNode).ToList(),
        YamlScalarNode { Value: { } value } when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}
