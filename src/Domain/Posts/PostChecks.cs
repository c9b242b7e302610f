using System.Globalization;

namespace Digest.Domain.Posts;

/// <summary>
/// The checks a post must pass before approval. The old blog once published four topics with empty
/// sections; these make that impossible without an editor saying why.
/// <see cref="Find(Post)"/> needs only the post (the workflow uses it); <see cref="Find(Post, QualityContext)"/>
/// adds what needs data from elsewhere — length bounds, repeats of recent posts and the writer's notes — and is
/// what the quality gate runs.
/// </summary>
public static class PostChecks
{
    public static IReadOnlyList<string> Find(Post post) => Find(post, QualityContext.None, withContext: false);

    public static IReadOnlyList<string> Find(Post post, QualityContext context) => Find(post, context, withContext: true);

    private static List<string> Find(Post post, QualityContext context, bool withContext)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<string>();
        // Sections loaded from a database come in no particular order; readers number them by position.
        var sections = post.Sections.OrderBy(s => s.Position).ToList();
        var topics = sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        if (post.Origin == PostOrigin.Generated && topics.Count == 0)
        {
            problems.Add("the post has no topics");
        }

        foreach (var section in sections)
        {
            var name = Name(sections, section);
            var empty = section.HasEmptyPart(out var what);
            if (empty)
            {
                var note = withContext ? NoteFor(section, context) : null;
                problems.Add(note is null ? $"{name} has no {what}" : $"{name} has no {what} ({note})");
            }

            problems.AddRange(PlaceholderProblems(name, section));
            problems.AddRange(WriterMarks.Find(name, section, withContext ? context.RunNotes : []));

            if (section.Kind == SectionKind.Topic && post.Origin == PostOrigin.Generated && section.Sources.Count == 0)
            {
                problems.Add($"{name} has no source");
            }

            if (withContext)
            {
                if (!empty && LengthProblem(name, section, context.Rules) is { } length)
                {
                    problems.Add(length);
                }

                if (section.Kind == SectionKind.Topic && Repeat(section, context) is { } repeat)
                {
                    problems.Add($"{name} repeats {repeat}");
                }
            }
        }

        return problems;
    }

    private static IEnumerable<string> PlaceholderProblems(string name, Section section)
    {
        var parts = new (string Part, string? Text)[]
        {
            (section.Kind == SectionKind.Prediction ? "subject" : "heading", section.Heading),
            (section.Kind == SectionKind.Prediction ? "rationale" : "text", section.Body),
            ("Benefits", section.Benefits),
            ("Ramifications", section.Ramifications),
            ("predicted date", section.PredictedWhen),
            ("thread line", section.Thread),
        };
        foreach (var (part, text) in parts)
        {
            if (Placeholders.Describe(text) is { } why)
            {
                yield return $"{name}: the {part} {why}";
            }
        }
    }

    private static string? LengthProblem(string name, Section section, QualityRules rules)
    {
        var (words, checkMinimum) = section.Kind switch
        {
            SectionKind.Topic => (Words(section.Benefits) + Words(section.Ramifications), true),
            SectionKind.Prediction => (Words(section.Body), true),
            SectionKind.Notice => (0, false),
            _ => (Words(section.Body), false),
        };
        if (checkMinimum && rules.MinSectionWords > 0 && words < rules.MinSectionWords)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} is far shorter than configured ({Count(words)}; at least {rules.MinSectionWords})");
        }

        if (rules.MaxSectionWords > 0 && words > rules.MaxSectionWords)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} is far longer than configured ({Count(words)}; at most {rules.MaxSectionWords})");
        }

        return null;
    }

    private static string? Repeat(Section section, QualityContext context)
    {
        var itemIds = section.Sources.Where(s => s.SourceItemId is not null).Select(s => s.SourceItemId!.Value).ToHashSet();
        var urls = section.Sources
            .SelectMany(s => new[] { s.SourceItemId is { } id && context.CanonicalUrls.TryGetValue(id, out var canonical) ? canonical : null, s.Url })
            .Where(u => !string.IsNullOrWhiteSpace(u))
            .Select(u => Comparable(u!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var earlier in context.RecentTopics)
        {
            if (earlier.SourceItemIds.Any(itemIds.Contains))
            {
                return $"a topic of {earlier.PostSlug} (same source item)";
            }

            if (earlier.Urls.Any(u => urls.Contains(Comparable(u))))
            {
                return $"a topic of {earlier.PostSlug} (same link)";
            }

            if (Headings.AreNearlyIdentical(section.Heading, earlier.Heading))
            {
                return $"a topic of {earlier.PostSlug} (\"{earlier.Heading}\")";
            }
        }

        return null;
    }

    private static string? NoteFor(Section section, QualityContext context) =>
        context.RunNotes.LastOrDefault(n => n.Kind == section.Kind && string.Equals(n.Label, section.Heading, StringComparison.Ordinal))?.Note;

    private static string Comparable(string url) => url.Trim().TrimEnd('/').ToLowerInvariant();

    private static string Count(int words) => words == 1 ? "1 word" : string.Create(CultureInfo.InvariantCulture, $"{words} words");

    private static int Words(string? text) =>
        text is null ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static string Name(List<Section> sections, Section section)
    {
        var ofKind = sections.Where(s => s.Kind == section.Kind).ToList();
        var number = ofKind.IndexOf(section) + 1;
        return section.Kind switch
        {
            SectionKind.Topic => $"topic {number}",
            SectionKind.Trending => $"trending headline {number}",
            SectionKind.Prediction => $"prediction {number}",
            SectionKind.Notice => "the notice",
            _ => $"section {section.Position + 1}",
        };
    }
}
