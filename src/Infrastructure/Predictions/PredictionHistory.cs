using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Predictions;

/// <summary>One prediction of one published post: what it said, and the date it names when one can be read.</summary>
public sealed record PredictionPoint(DateTime PublishedOn, string PostSlug, string Subject, string SubjectAsWritten, string? PredictedWhen, PredictedDate? Predicted);

/// <summary>Every prediction the published posts made, oldest post first, grouped into canonical subjects.</summary>
public sealed record PredictionTimeline(IReadOnlyList<PredictionPoint> Points)
{
    /// <summary>Subjects with the most dated predictions first, so the chart's legend starts with what it shows most.</summary>
    public IReadOnlyList<string> Subjects =>
        [.. Points.GroupBy(p => p.Subject).OrderByDescending(g => g.Count(p => p.Predicted is not null)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];

    /// <summary>The subjects that get a series and a legend entry; the rest (a year or a sentence in place of a subject) are drawn as "other".</summary>
    public IReadOnlyList<string> Series => [.. Subjects.Where(PredictionSubjects.IsSubject)];

    public IEnumerable<PredictionPoint> Plotted => Points.Where(p => p.Predicted is not null);
}

public sealed class PredictionHistory(DigestDbContext db)
{
    public async Task<PredictionTimeline> LoadAsync(CancellationToken cancellationToken = default)
    {
        // A join rather than SelectMany over the navigation: SQLite cannot run the APPLY that would need.
        var rows = await (
                from p in db.Posts.AsNoTracking()
                join s in db.Set<Section>().AsNoTracking() on p.Id equals s.PostId
                where p.Status == PostStatus.Published && s.Kind == SectionKind.Prediction
                select new { p.Date, p.Slug, s.Position, s.Heading, s.PredictedWhen, s.Body })
            .ToListAsync(cancellationToken);
        var points = rows
            .OrderBy(r => r.Date).ThenBy(r => r.Position)
            .Select(r => new PredictionPoint(
                DateTime.SpecifyKind(r.Date, DateTimeKind.Utc),
                r.Slug,
                PredictionSubjects.Canonical(r.Heading),
                r.Heading ?? "",
                r.PredictedWhen,
                PredictedDate.Find(r.PredictedWhen, r.Heading, r.Body)))
            .ToList();
        return new PredictionTimeline(points);
    }
}
