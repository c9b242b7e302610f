using Digest.Domain.Posts;
using YamlDotNet.RepresentationModel;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Brings an imported post's front matter, as written in its file, up to date with the post: only the keys whose
/// value the editor changed are rewritten (in <see cref="HugoFrontMatterWriter"/>'s style), every other line stays
/// as it was — comments, quoting, key order and keys Digest does not know. When the original cannot be read back,
/// the house front matter is written whole.
/// </summary>
public static class HugoFrontMatterPatcher
{
    public static string Patch(string original, Post post)
    {
        var lines = original.Split('\n').ToList();
        var closing = lines.FindIndex(1, line => line.TrimEnd() == "---");
        if (lines.Count == 0 || lines[0].TrimEnd() != "---" || closing < 0)
        {
            return HugoFrontMatterWriter.Write(post);
        }

        var yaml = string.Join('\n', lines[1..closing]);
        HugoFrontMatter written;
        Dictionary<string, (int First, int Last)> keys;
        try
        {
            written = HugoFrontMatterReader.Read(yaml, 2, post.Date, []);
            keys = KeyLines(yaml);
        }
        catch (Exception e) when (e is HugoFormatException or YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return HugoFrontMatterWriter.Write(post);
        }

        var changes = new List<(string Key, string? Line)>();
        void Want(string key, bool differs, string? line)
        {
            if (differs)
            {
                changes.Add((key, line));
            }
        }

        var draft = post.Status != PostStatus.Published;
        Want("title", written.Title != post.Title, $"title: {HugoFrontMatterWriter.Quote(post.Title)}");
        Want("description", written.Description != post.Description, post.Description is null ? null : $"description: {HugoFrontMatterWriter.Quote(post.Description)}");
        Want("date", written.Date != post.Date, $"date: {HugoFrontMatterWriter.Date(post.Date)}");
        Want("draft", written.Draft != draft, $"draft: {(draft ? "true" : "false")}");
        Want("author", (written.Author ?? "") != post.Author, $"author: {HugoFrontMatterWriter.Quote(post.Author)}");
        Want("tags", !written.Tags.SequenceEqual(post.Tags, StringComparer.Ordinal), $"tags: [{string.Join(", ", post.Tags.Select(HugoFrontMatterWriter.Quote))}]");
        Want("showToc", written.Flags.ShowToc != post.Flags.ShowToc, $"showToc: {Bool(post.Flags.ShowToc)}");
        Want("tocOpen", written.Flags.TocOpen != post.Flags.TocOpen, $"tocOpen: {Bool(post.Flags.TocOpen)}");
        Want("showReadingTime", written.Flags.ShowReadingTime != post.Flags.ShowReadingTime, $"showReadingTime: {Bool(post.Flags.ShowReadingTime)}");
        Want("showWordCount", written.Flags.ShowWordCount != post.Flags.ShowWordCount, $"showWordCount: {Bool(post.Flags.ShowWordCount)}");
        Want("cover", written.Cover != post.Cover, post.Cover == Cover.None ? null : HugoFrontMatterWriter.CoverBlock(post.Cover).TrimEnd('\n'));
        var slugBefore = written.Slug is null ? null : Slugs.Normalize(written.Slug);
        Want("slug", slugBefore is not null && slugBefore != post.Slug, $"slug: {HugoFrontMatterWriter.Quote(post.Slug)}");
        if (changes.Count == 0)
        {
            return original;
        }

        // Replace from the bottom so earlier line numbers stay right; new keys go just above the closing line.
        var body = lines[1..closing];
        var added = new List<string>();
        foreach (var (key, line) in changes.OrderByDescending(c => keys.TryGetValue(c.Key, out var at) ? at.First : -1))
        {
            if (keys.TryGetValue(key, out var at))
            {
                body.RemoveRange(at.First, at.Last - at.First + 1);
                if (line is not null)
                {
                    body.InsertRange(at.First, line.Split('\n'));
                }
            }
            else if (line is not null)
            {
                added.Insert(0, line);
            }
        }

        return string.Join('\n', ["---", .. body, .. added.SelectMany(l => l.Split('\n')), .. lines[closing..]]);
    }

    /// <summary>The lines (0-based, within the YAML) each top-level key takes, its nested lines included.</summary>
    private static Dictionary<string, (int First, int Last)> KeyLines(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var keys = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return keys;
        }

        var starts = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").Zip(map.Children.Keys.Select(k => (int)k.Start.Line - 1)).ToList();
        var lineCount = yaml.Split('\n').Length;
        for (var i = 0; i < starts.Count; i++)
        {
            var last = (i + 1 < starts.Count ? starts[i + 1].Second : lineCount) - 1;
            keys[starts[i].First] = (starts[i].Second, last);
        }

        return keys;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
