using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Editing;

/// <summary>A line-by-line comparison of two texts, as the revisions page and the conflict view show it.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false);
        return [.. model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Inserted => DiffKind.Added,
            ChangeType.Deleted => DiffKind.Removed,
            _ => DiffKind.Same,
        }, line.Text ?? ""))];
    }

    /// <summary>A revision as the text a person compares: the title, then the post body in the house format.</summary>
    public static string Of(PostRevision revision) => Of(revision.Title, revision.ReadSections().Select(s => (s.Kind, s.Text)));

    public static string Of(string title, IEnumerable<(SectionKind Kind, SectionText Text)> sections)
    {
        var rebuilt = sections.Select(s => new Section(s.Kind, s.Text.Heading, s.Text.Body, s.Text.Benefits, s.Text.Ramifications, s.Text.PredictedWhen));
        return $"# {title}\n\n{HouseFormat.ToMarkdown(rebuilt, withSources: false)}";
    }
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);
