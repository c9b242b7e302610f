using System.Text.RegularExpressions;
using Digest.Domain.Posts;

namespace Digest.Web.Components.Admin.Editor;

/// <summary>
/// A quality-gate finding as the editor meets it: a sentence, and the field it is about, so a click puts the cursor
/// there. Findings are sentences ("topic 2 has no Benefits", "prediction 1: the rationale is a placeholder",
/// "Topic 3: 2 statements not found in its sources"); they name their section the way readers number them, and the
/// part by the word the form's label uses.
/// </summary>
/// <param name="Text">The finding, as a sentence.</param>
/// <param name="FieldId">The element to focus: a field, else the section, else null when no field is concerned.</param>
/// <param name="SectionId">The section it is about, to unfold it first; null for the post as a whole.</param>
public sealed partial record EditorFinding(string Text, string? FieldId, Guid? SectionId)
{
    /// <summary>Where the post as a whole is edited when a finding is about it ("the post has no topics").</summary>
    public const string AddSectionId = "new-kind";

    public static IReadOnlyList<EditorFinding> For(IEnumerable<string> problems, PostForm form)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(form);
        return [.. problems.Select(p => For(p, form))];
    }

    public static EditorFinding For(string problem, PostForm form)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(form);
        var text = Sentence(problem);
        if (problem.StartsWith("the notice", StringComparison.OrdinalIgnoreCase))
        {
            return new(text, "notice", null);
        }

        if (problem.Contains("has no topics", StringComparison.OrdinalIgnoreCase))
        {
            return new(text, AddSectionId, null);
        }

        var match = Named().Match(problem);
        if (!match.Success || !int.TryParse(match.Groups["number"].Value, out var number) || Section(form, match.Groups["kind"].Value, number) is not { } section)
        {
            return new(text, null, null);
        }

        var rest = problem[match.Length..];
        return new(text, Field(section, rest) is { } field ? $"{field}-{section.Id}" : $"section-{section.Id}", section.Id);
    }

    /// <summary>The section a finding names: "topic 2" is the second topic; "section 4" the fourth of the post (the notice counts).</summary>
    private static SectionForm? Section(PostForm form, string kind, int number)
    {
        if (kind.Equals("section", StringComparison.OrdinalIgnoreCase))
        {
            var index = number - 1 - (string.IsNullOrWhiteSpace(form.Notice) ? 0 : 1);
            return index >= 0 && index < form.Sections.Count ? form.Sections[index] : null;
        }

        var sectionKind = kind.ToLowerInvariant() switch
        {
            "topic" => SectionKind.Topic,
            "trending headline" => SectionKind.Trending,
            _ => SectionKind.Prediction,
        };
        return form.Sections.Where(s => s.Kind == sectionKind).Skip(number - 1).FirstOrDefault();
    }

    /// <summary>The field a finding's words point at, by the words the form's labels use; null for the section as a whole.</summary>
    private static string? Field(SectionForm section, string rest)
    {
        var words = rest.ToLowerInvariant();
        // The grounding rule's findings are about sentences, shown marked in the section's check against its sources.
        if (words.Contains("not found in its sources", StringComparison.Ordinal) || words.Contains("only a commenter", StringComparison.Ordinal)
            || words.Contains("second opinion", StringComparison.Ordinal))
        {
            return "grounding";
        }

        if (words.Contains("benefits", StringComparison.Ordinal) && section.Kind == SectionKind.Topic)
        {
            // "has no Benefits or Ramifications": the first of the two still empty.
            return words.Contains("ramifications", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(section.Benefits) ? "ramifications" : "benefits";
        }

        if (words.Contains("ramifications", StringComparison.Ordinal) && section.Kind == SectionKind.Topic)
        {
            return "ramifications";
        }

        if (words.Contains("predicted date", StringComparison.Ordinal))
        {
            return "when";
        }

        if (words.Contains("thread", StringComparison.Ordinal))
        {
            return "thread";
        }

        if (HeadingWords().IsMatch(words) || words.Contains(" repeats ", StringComparison.Ordinal))
        {
            return "heading";
        }

        if (BodyWords().IsMatch(words))
        {
            return "body";
        }

        if (words.Contains("far shorter", StringComparison.Ordinal) || words.Contains("far longer", StringComparison.Ordinal))
        {
            return section.Kind == SectionKind.Topic ? "benefits" : "body";
        }

        return null;
    }

    private static string Sentence(string problem)
    {
        var trimmed = problem.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        var first = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return first.EndsWith('.') ? first : first + ".";
    }

    [GeneratedRegex(@"^(?<kind>topic|trending headline|prediction|section) (?<number>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Named();

    [GeneratedRegex(@"\b(heading|headline|subject)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingWords();

    [GeneratedRegex(@"\b(text|rationale|summary)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BodyWords();
}
