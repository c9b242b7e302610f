using Digest.Domain.Posts;

namespace Digest.Infrastructure.Editing;

/// <summary>What a save changed, in words for the audit log: "title, tags, topic 2, added a section".</summary>
internal sealed record PostChanges(string Title, string Slug, DateTime Date, string Tags, PostFlags Flags, Cover Cover, string? Description, IReadOnlyList<(Guid Id, SectionKind Kind, SectionText Text)> Sections)
{
    public static PostChanges Of(Post post) => new(
        post.Title, post.Slug, post.Date, string.Join(",", post.Tags), post.Flags, post.Cover, post.Description,
        [.. post.Sections.Select(s => (s.Id, s.Kind, s.Text))]);

    public string DescribeChangesTo(PostChanges after)
    {
        var changed = new List<string>();
        Add(changed, Title != after.Title, "title");
        Add(changed, Slug != after.Slug, $"slug ({Slug} → {after.Slug})");
        Add(changed, Date != after.Date, "date");
        Add(changed, Tags != after.Tags, "tags");
        Add(changed, Flags != after.Flags, "page options");
        Add(changed, Cover != after.Cover, "cover");
        Add(changed, Description != after.Description, "description");
        var before = Sections.ToDictionary(s => s.Id);
        var now = after.Sections.ToDictionary(s => s.Id);
        for (var i = 0; i < after.Sections.Count; i++)
        {
            var section = after.Sections[i];
            if (before.TryGetValue(section.Id, out var old) && old.Text != section.Text)
            {
                changed.Add($"{section.Kind.ToString().ToLowerInvariant()} “{Short(section.Text.Heading ?? section.Text.Body)}”");
            }
        }

        var added = after.Sections.Count(s => !before.ContainsKey(s.Id));
        var removed = Sections.Count(s => !now.ContainsKey(s.Id));
        Add(changed, added > 0, $"added {added} section(s)");
        Add(changed, removed > 0, $"removed {removed} section(s)");
        var keptOrderBefore = Sections.Where(s => now.ContainsKey(s.Id)).Select(s => s.Id);
        var keptOrderAfter = after.Sections.Where(s => before.ContainsKey(s.Id)).Select(s => s.Id);
        Add(changed, !keptOrderBefore.SequenceEqual(keptOrderAfter), "reordered sections");
        return changed.Count == 0 ? "no changes" : string.Join(", ", changed);
    }

    private static void Add(List<string> changed, bool condition, string what)
    {
        if (condition)
        {
            changed.Add(what);
        }
    }

    private static string Short(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length <= 40 ? line : line[..39] + "…";
    }
}
