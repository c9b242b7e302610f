namespace Digest.Domain.Posts;

/// <summary>
/// The checks a post must pass before approval. The old blog once published four topics with empty
/// sections; these make that impossible without an editor saying why.
/// </summary>
public static class PostChecks
{
    public static IReadOnlyList<string> Find(Post post)
    {
        var problems = new List<string>();
        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        if (post.Origin == PostOrigin.Generated && topics.Count == 0)
        {
            problems.Add("the post has no topics");
        }

        foreach (var section in post.Sections)
        {
            var name = Name(post, section);
            if (section.HasEmptyPart(out var what))
            {
                problems.Add($"{name} has no {what}");
            }

            if (section.Kind == SectionKind.Topic && post.Origin == PostOrigin.Generated && section.Sources.Count == 0)
            {
                problems.Add($"{name} has no source");
            }
        }

        return problems;
    }

    private static string Name(Post post, Section section)
    {
        var ofKind = post.Sections.Where(s => s.Kind == section.Kind).ToList();
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
