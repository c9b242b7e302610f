using System.Globalization;
using Digest.Domain.Posts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Reads YAML front matter with YamlDotNet's node model rather than its object mapper, so a date keeps its zone
/// until it is turned into UTC and every error can name the line of the file it is on.
/// </summary>
public static class HugoFrontMatterReader
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "date", "draft", "author", "tags", "showToc", "tocOpen", "showReadingTime", "showWordCount",
        "cover", "url", "slug", "aliases", "description",
    };

    /// <param name="yaml">The text between the two <c>---</c> lines.</param>
    /// <param name="firstLine">The line of the file the YAML starts on, so errors point into the file.</param>
    /// <param name="fallbackDate">Used when there is no <c>date</c> key (Hugo would fall back too).</param>
    /// <param name="notes">Receives what is read but not kept.</param>
    public static HugoFrontMatter Read(string yaml, int firstLine, DateTime? fallbackDate, ICollection<string> notes)
    {
        var offset = firstLine - 1;
        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                throw new HugoFormatException("The front matter is empty: a post needs at least a title.");
            }

            map = stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new HugoFormatException($"The front matter on line {firstLine} is not a list of \"key: value\" lines.");
        }
        catch (YamlException e)
        {
            throw new HugoFormatException($"The front matter is not valid YAML (line {e.Start.Line + offset}): {Reason(e)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unclosed brackets, without a position; find where reading stopped.
            throw new HugoFormatException($"The front matter is not valid YAML (near line {LastReadableLine(yaml) + offset}): a bracket or quote is not closed.");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!KnownKeys.Contains(key))
            {
                notes.Add($"front matter key \"{key}\" (line {keyNode.Start.Line + offset}) is not used here (it stays in the file for export)");
                continue;
            }

            values[key] = value;
        }

        var title = Text(values, "title", offset)
            ?? throw new HugoFormatException("The front matter has no title.");
        var date = Date(values, offset) ?? fallbackDate
            ?? throw new HugoFormatException("The front matter has no date, and the file name does not start with one.");
        var defaults = PostFlags.HouseDefault;
        var flags = new PostFlags(
            Flag(values, "showToc", offset) ?? defaults.ShowToc,
            Flag(values, "tocOpen", offset) ?? defaults.TocOpen,
            Flag(values, "showReadingTime", offset) ?? defaults.ShowReadingTime,
            Flag(values, "showWordCount", offset) ?? defaults.ShowWordCount);

        return new HugoFrontMatter(
            title,
            date,
            Flag(values, "draft", offset) ?? false,
            Text(values, "author", offset),
            List(values, "tags", offset),
            flags,
            ReadCover(values, offset, notes),
            Text(values, "description", offset),
            Text(values, "url", offset),
            Text(values, "slug", offset),
            List(values, "aliases", offset));
    }

    private static Cover ReadCover(Dictionary<string, YamlNode> values, int offset, ICollection<string> notes)
    {
        if (!values.TryGetValue("cover", out var node) || IsNull(node))
        {
            return Cover.None;
        }

        if (node is not YamlMappingNode map)
        {
            throw new HugoFormatException($"\"cover\" on line {node.Start.Line + offset} must have image, alt and hidden under it.");
        }

        var parts = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name is "image" or "alt" or "hidden")
            {
                parts[name] = value;
            }
            else
            {
                notes.Add($"cover key \"{name}\" (line {key.Start.Line + offset}) is not used here (it stays in the file for export)");
            }
        }

        return new Cover(Text(parts, "image", offset), Text(parts, "alt", offset), Flag(parts, "hidden", offset) ?? Cover.None.Hidden);
    }

    private static string? Text(Dictionary<string, YamlNode> values, string key, int offset)
    {
        if (!values.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value
            ?? throw new HugoFormatException($"\"{key}\" on line {node.Start.Line + offset} must be a single value.");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static bool? Flag(Dictionary<string, YamlNode> values, string key, int offset)
    {
        var text = Text(values, key, offset);
        return text?.ToLowerInvariant() switch
        {
            null => null,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new HugoFormatException($"\"{key}\" on line {values[key].Start.Line + offset} must be true or false, not \"{text}\"."),
        };
    }

    private static List<string> List(Dictionary<string, YamlNode> values, string key, int offset)
    {
        if (!values.TryGetValue(key, out var node) || IsNull(node))
        {
            return [];
        }

        return node switch
        {
            YamlScalarNode scalar => string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()],
            YamlSequenceNode sequence => [.. sequence.Children.Select(child => child is YamlScalarNode { Value: { } value }
                ? value.Trim()
                : throw new HugoFormatException($"\"{key}\" on line {child.Start.Line + offset} must be a list of words."))
                .Where(value => value.Length > 0)],
            _ => throw new HugoFormatException($"\"{key}\" on line {node.Start.Line + offset} must be a list of words."),
        };
    }

    private static DateTime? Date(Dictionary<string, YamlNode> values, int offset)
    {
        var text = Text(values, "date", offset);
        if (text is null)
        {
            return null;
        }

        // A date without a zone is read as UTC: that is what Hugo does unless the site sets a time zone.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        throw new HugoFormatException($"\"date\" on line {values["date"].Start.Line + offset} is not a date: \"{text}\".");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static int LastReadableLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.End.Line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return line;
        }

        return line;
    }

    private static string Reason(YamlException e)
    {
        // YamlDotNet prefixes its messages with the position, which the caller already states as a line of the file.
        var message = (e.InnerException as YamlException ?? e).Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
