using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>One section of a post as checked against its sources, named as readers number it ("topic 2").</summary>
public sealed record SectionReport(Section Section, string Name, GroundingSources Sources, SectionGrounding Result);

/// <summary>A post's sections checked against their sources; <see cref="IsChecked"/> is false when no section kept any.</summary>
public sealed record PostGroundingReport(IReadOnlyList<SectionReport> Sections)
{
    public bool IsChecked => Sections.Count > 0;

    public GroundingTally Tally => new(
        Sections.Sum(s => s.Result.Sentences.Count),
        Sections.Sum(s => s.Result.Grounded),
        Sections.Sum(s => s.Result.Unsupported + s.Result.CommentOnly),
        Sections.Any(s => s.Sources.SecondOpinion.Count > 0) ? Sections.Sum(s => s.Result.FlaggedOnlyByModel) : null,
        Sections.Sum(s => s.Sources.Comments));

    /// <summary>The quality gate's findings: "topic 2: 3 statements not found in its sources", and the second opinion's, marked as the model's.</summary>
    public IReadOnlyList<string> Findings()
    {
        var findings = new List<string>();
        foreach (var section in Sections)
        {
            if (section.Result.Unsupported > 0)
            {
                findings.Add($"{section.Name}: {Statements(section.Result.Unsupported)} not found in its sources");
            }

            if (section.Result.CommentOnly > 0)
            {
                findings.Add($"{section.Name}: {Statements(section.Result.CommentOnly)} only a commenter made, stated as fact");
            }

            if (section.Result.FlaggedOnlyByModel > 0)
            {
                var model = section.Result.Sentences.First(s => s.FlaggedByModel is not null).FlaggedByModel!.Model;
                findings.Add($"{section.Name}: {Statements(section.Result.FlaggedOnlyByModel)} its sources do not support, says the second opinion of the model {model}");
            }
        }

        return findings;
    }

    private static string Statements(int n) => n == 1 ? "1 statement" : $"{n} statements";
}

/// <summary>
/// Checks a post's topics and trending headlines against the sources kept with them. Imported posts, and sections
/// nobody kept sources for, are not checked and give no findings: there is nothing to check them against.
/// </summary>
public sealed class PostGrounding(DigestDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, GroundingSources>> SourcesAsync(IReadOnlyCollection<Guid> sectionIds, CancellationToken cancellationToken = default)
    {
        if (sectionIds.Count == 0)
        {
            return new Dictionary<Guid, GroundingSources>();
        }

        var ids = sectionIds.Distinct().ToList();
        var evidence = await db.Set<SourceEvidence>().AsNoTracking().Where(e => ids.Contains(e.SectionId)).ToListAsync(cancellationToken);
        var opinions = await db.Set<SecondOpinionFinding>().AsNoTracking().Where(f => ids.Contains(f.SectionId)).ToListAsync(cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => new GroundingSources([.. evidence.Where(e => e.SectionId == id).OrderBy(e => e.Position)], [.. opinions.Where(f => f.SectionId == id)]));
    }

    public async Task<GroundingSources> SourcesAsync(Guid sectionId, CancellationToken cancellationToken = default) =>
        (await SourcesAsync([sectionId], cancellationToken))[sectionId];

    public Task<PostGroundingReport> CheckAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        return CheckAsync(post.Origin, post.Sections, cancellationToken);
    }

    public async Task<PostGroundingReport> CheckAsync(PostOrigin origin, IEnumerable<Section> postSections, CancellationToken cancellationToken = default)
    {
        if (origin == PostOrigin.Imported)
        {
            return new PostGroundingReport([]);
        }

        var sections = postSections.OrderBy(s => s.Position).ToList();
        var checkable = sections.Where(s => SectionChecker.IsChecked(s.Kind)).ToList();
        var sources = await SourcesAsync([.. checkable.Select(s => s.Id)], cancellationToken);
        return new PostGroundingReport([.. checkable
            .Where(s => sources[s.Id].HasSources)
            .Select(s => new SectionReport(s, NameOf(sections, s), sources[s.Id], sources[s.Id].Check(s.Kind, s.Text)))]);
    }

    /// <summary>What the public disclosure says about the check, for a post as published (its sections are read here).</summary>
    public async Task<GroundingDisclosure> DisclosureAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Origin == PostOrigin.Imported)
        {
            return GroundingDisclosure.NotChecked;
        }

        var sections = post.Sections.Count > 0 ? [.. post.Sections] : await db.Set<Section>().AsNoTracking().Where(s => s.PostId == post.Id).ToListAsync(cancellationToken);
        var report = await CheckAsync(post.Origin, sections, cancellationToken);
        if (!report.IsChecked)
        {
            return GroundingDisclosure.NotChecked;
        }

        var tally = report.Tally;
        return new GroundingDisclosure(true, tally.Sentences, tally.Grounded, tally.Unsupported + report.Sections.Sum(s => s.Result.FlaggedOnlyByModel), tally.CommentsRead);
    }

    /// <summary>"topic 2", "trending headline 1": the section's number among its kind, as the quality gate names it.</summary>
    public static string NameOf(IReadOnlyList<Section> sectionsInOrder, Section section)
    {
        ArgumentNullException.ThrowIfNull(sectionsInOrder);
        var number = sectionsInOrder.Where(s => s.Kind == section.Kind).ToList().IndexOf(section) + 1;
        return section.Kind == SectionKind.Topic ? $"topic {number}" : $"trending headline {number}";
    }
}

/// <summary>The quality gate's grounding rule: statements not found in a section's sources block approval until fixed, regenerated or overridden.</summary>
public sealed class GroundingQualityRule(PostGrounding grounding) : Quality.IQualityRule
{
    public async Task<IReadOnlyList<string>> FindAsync(Post post, CancellationToken cancellationToken) =>
        (await grounding.CheckAsync(post, cancellationToken)).Findings();
}

/// <summary>What readers are told about the check of a post against its sources.</summary>
public sealed record GroundingDisclosure(bool Checked, int Sentences, int Grounded, int ApprovedUnsupported, int Comments)
{
    public static readonly GroundingDisclosure NotChecked = new(false, 0, 0, 0, 0);

    public string Text => !Checked
        ? "Not checked: no sources kept."
        : $"Checked against its sources before review: every sentence was compared with the text of the posts{(Comments > 0 ? " and discussions" : "")} it was written from" +
          $" ({Grounded} of {Sentences} rest on a passage of them)." +
          (ApprovedUnsupported == 0
              ? " None states a number, name, quote or date they do not contain."
              : $" {(ApprovedUnsupported == 1 ? "1 statement" : $"{ApprovedUnsupported} statements")} the check could not confirm in them {(ApprovedUnsupported == 1 ? "was" : "were")} approved by the editor, who recorded why.");
}
