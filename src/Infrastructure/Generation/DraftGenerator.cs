using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Telemetry;
using Digest.Infrastructure.Writing;
using Digest.Infrastructure.Writing.Grounding;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Generation;

/// <summary>
/// Writes the draft of one edition: fetch the sources, rank what they carry, pick the topics and trending
/// headlines, have the writer write each section, and store the draft with its provenance and its run.
/// Idempotent: at most one draft per edition date, enforced by a unique index, so a retried or concurrent
/// run never makes a second; and a run claims its edition (<see cref="EditionClaim"/>) before it fetches or calls a
/// model, so a concurrent trigger stops before it spends anything.
/// </summary>
public sealed class DraftGenerator(
    DigestDbContext db,
    SourceIngester ingester,
    IDigestWriter writer,
    DraftGrounding grounding,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DraftGenerator> logger)
{
    /// <summary>Items first seen or published longer ago than this are old news for a daily post.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromDays(3);

    public async Task<DateOnly> TodaysEditionAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadSettingsAsync(cancellationToken);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.FindTimeZone()).DateTime);
    }

    public async Task<GenerationResult> GenerateAsync(DateOnly? edition, string trigger, CancellationToken cancellationToken)
    {
        var settings = await LoadSettingsAsync(cancellationToken);
        var date = edition ?? await TodaysEditionAsync(cancellationToken);
        var run = GenerationRun.Start(date, trigger, writer.Name, Now());
        using var activity = GenerationTelemetry.Start(run);

        if (await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.EditionDate == date, cancellationToken) is { } existing)
        {
            run.Skip($"A draft for {date:yyyy-MM-dd} already exists ({existing.Slug}); no second one was made.", Now(), existing.Id);
            db.GenerationRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return new GenerationResult(run, existing.Slug);
        }

        await using var lease = await (services.GetService(typeof(EditionClaim)) as EditionClaim
            ?? ActivatorUtilities.CreateInstance<EditionClaim>(services)).TryClaimAsync(run, cancellationToken);
        if (lease is null)
        {
            return new GenerationResult(run, null);
        }

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            return await WriteDraftAsync(run, settings, work.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(run.Id, r => r.Fail("Cancelled before the draft was written.", Now()), CancellationToken.None);
            throw;
        }
        catch (Exception) when (lease.IsLost)
        {
            // Recovery took this run for dead and failed it; what it says stands.
            db.ChangeTracker.Clear();
            return new GenerationResult(await db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, CancellationToken.None), null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Generation of {Edition} failed", date);
            return new GenerationResult(await FinishAsync(run.Id, r => r.Fail($"Generation failed: {ex.Message}", Now()), cancellationToken), null);
        }
    }

    private async Task<GenerationResult> WriteDraftAsync(GenerationRun run, SiteSettings settings, CancellationToken cancellationToken)
    {
        var outcomes = await ingester.IngestAsync(cancellationToken);
        run.RecordSources(outcomes);
        var plan = EditionPlan.Choose(ItemRanker.Rank(await LoadCandidatesAsync(cancellationToken), Now()), settings.TopicCount, settings.TrendingCount);
        if (plan.Topics.Count == 0)
        {
            run.Fail(NothingToWriteAbout(outcomes, plan), Now());
            await db.SaveChangesAsync(cancellationToken);
            return new GenerationResult(run, null);
        }

        var post = Post.CreateGeneratedDraft(run.EditionDate, settings.PostTitle, settings.Author, writer.Name, run.Id, Now());
        post.SetMetadata(new PostMetadata(post.Title, post.Slug, null, post.Date, post.Author, settings.DefaultTags, PostFlags.HouseDefault, settings.Cover), Now());
        post.AddSection(new Section(SectionKind.Notice, null, settings.NoticeText));
        (services.GetService(typeof(WriterRunContext)) as WriterRunContext)?.ForRun(run.Id);
        // The topics' discussions are read first: the writer gets their top comments as data with the item's text.
        var discussions = await grounding.ReadDiscussionsAsync(plan.Topics, cancellationToken);
        var written = await writer.WriteEditionAsync(
            discussions.Briefs, [.. plan.Trending.Select(s => s.ToBrief())], settings.PredictionSubjects, run.EditionDate, cancellationToken);
        for (var i = 0; i < plan.Topics.Count; i++)
        {
            post.AddSection(WithSources(Section.From(SectionKind.Topic, written.Topics[i]), plan.Topics[i]));
        }

        for (var i = 0; i < plan.Trending.Count; i++)
        {
            var text = written.Trending[i];
            post.AddSection(WithSources(new Section(SectionKind.Trending, text.Heading, text.Body), plan.Trending[i]));
        }

        foreach (var prediction in written.Predictions)
        {
            post.AddSection(new Section(SectionKind.Prediction, prediction.Heading, prediction.Body, predictedWhen: prediction.PredictedWhen));
        }

        // Sources kept with each section, the sentences checked against them (and the second opinion, when on).
        var grounded = await grounding.RecordAsync(post, plan, discussions, cancellationToken);
        run.RecordGrounding(grounded.Tally);
        var notWritten = RecordUsage(run, plan, settings);

        db.Posts.Add(post);
        db.PostRevisions.Add(PostRevision.Capture(post, 1, writer.Name, Now(), "generated"));
        var failures = outcomes.Count(o => !o.Succeeded);
        var notes = new List<string>();
        if (failures > 0)
        {
            notes.Add($"{failures} of {outcomes.Count} sources failed; the draft was written from the rest.");
        }

        notes.AddRange(notWritten);
        notes.AddRange(grounded.Notes);
        run.Succeed(post.Id, Now(), notes.Count == 0 ? null : string.Join(" ", notes));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            GenerationTelemetry.DraftWritten(run);
            return new GenerationResult(run, post.Slug);
        }
        catch (DbUpdateException)
        {
            if (!await EditionExistsAsync(run.EditionDate))
            {
                throw;
            }

            // A concurrent run stored its draft first; the unique index kept this one out.
            var finished = await FinishAsync(run.Id, r => r.Skip($"Another run wrote the draft for {run.EditionDate:yyyy-MM-dd} first; no second one was made.", Now()), cancellationToken);
            return new GenerationResult(finished, null);
        }
    }

    private async Task<List<(Domain.Sources.SourceItem Item, Domain.Sources.Source Source)>> LoadCandidatesAsync(CancellationToken cancellationToken)
    {
        var since = Now() - Freshness;
        var used = db.Posts.SelectMany(p => p.Sections).SelectMany(s => s.Sources).Where(s => s.SourceItemId != null).Select(s => s.SourceItemId);
        var rows = await db.SourceItems
            .Where(i => (i.PublishedAt ?? i.FirstSeenAt) >= since && !used.Contains(i.Id))
            .Join(db.Sources.Where(s => s.Enabled), i => i.SourceId, s => s.Id, (i, s) => new { Item = i, Source = s })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Item, r.Source))];
    }

    /// <summary>
    /// Copies the model's token use, cost and notes into the run; returns what the run message must say: budgets
    /// reached, sections the fallback model wrote, and the sections the writer could not write, and why.
    /// </summary>
    private List<string> RecordUsage(GenerationRun run, EditionPlan plan, SiteSettings settings)
    {
        if (services.GetService(typeof(IWriterUsage)) is not IWriterUsage usage)
        {
            return [];
        }

        var asked = plan.Topics.Select(s => (Kind: SectionKind.Topic, Label: s.Lead.Item.Title))
            .Concat(plan.Trending.Select(s => (Kind: SectionKind.Trending, Label: s.Lead.Item.Title)))
            .Concat(settings.PredictionSubjects.Select(subject => (Kind: SectionKind.Prediction, Label: subject)))
            .ToList();
        var notes = new List<SectionNote>();
        var messages = new List<string>();
        foreach (var (kind, label) in asked)
        {
            if (usage.ProblemWith(kind, label) is { } problem)
            {
                var note = Explain(problem, usage);
                notes.Add(new SectionNote(kind, label, note));
                messages.Add($"\"{label}\": {note}.");
            }
        }

        var fallback = usage.Outcomes.Where(o => !o.IsProblem && o.Model is not null && !string.Equals(o.Model, writer.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        notes.AddRange(fallback.Select(o => SectionNote.WrittenByFallback(o.Kind, o.Label, o.Model!)));
        if (fallback.Count > 0)
        {
            messages.Insert(0, $"{Count(fallback.Count, "section was", "sections were")} written by the fallback model {fallback[0].Model} because a token budget of {writer.Name} was reached.");
        }

        var late = usage.Outcomes.Count(o => o.Status == SectionWriteStatus.SkippedDeadline);
        if (late > 0)
        {
            var length = (services.GetService(typeof(WriterRunContext)) as WriterRunContext)?.DeadlineLength;
            messages.Insert(0, $"The run's deadline{(length is { } l ? $" ({Minutes(l)})" : "")} passed before the model answered: {Count(late, "section was", "sections were")} left for the editor.");
        }

        var skipped = usage.Outcomes.Count(o => o.Status == SectionWriteStatus.SkippedBudget);
        if (usage.DailyBudgetReached && skipped > 0)
        {
            messages.Insert(0, $"The daily token budget ({usage.DailyTokenBudget:N0} tokens per model) was reached: {Count(skipped, "section was", "sections were")} left for the editor.");
        }

        // Only a budget that left sections unwritten is news here; one reached by the second opinion is its own note.
        if (usage.BudgetReached && skipped > 0)
        {
            messages.Insert(0, $"The run's token budget ({usage.TokenBudget}) was reached; the sections after it were left for the editor.");
        }

        var calls = usage.Calls;
        run.RecordUsage(new RunUsage(
            usage.PromptTokens,
            usage.CompletionTokens,
            usage.EstimatedCost,
            calls.Count(c => !c.FromCache),
            calls.Count(c => c.FromCache),
            [.. calls.Select(c => c.Prompt).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            notes,
            // Only when the budget left sections unwritten: a fallback model that wrote them all stopped nothing.
            (usage.BudgetReached || usage.DailyBudgetReached) && skipped > 0));
        return messages;
    }

    private static string Explain(string problem, IWriterUsage usage) => problem switch
    {
        SectionOutcome.BudgetReachedReason => $"not written: the run's token budget ({usage.TokenBudget}) was reached",
        SectionOutcome.DailyBudgetReachedReason => $"not written: the daily token budget ({usage.DailyTokenBudget}) was reached",
        _ => problem,
    };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Minutes(TimeSpan span) => span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s" : $"{(int)span.TotalMinutes} min{(span.Seconds > 0 ? $" {span.Seconds} s" : "")}";

    private static Section WithSources(Section section, PlannedStory story)
    {
        foreach (var candidate in story.Candidates)
        {
            section.AddSource(new SectionSource(candidate.Item.Id, candidate.CreditLabel(), candidate.Item.DiscussionUrl ?? candidate.Item.Url, candidate.Reason));
        }

        return section;
    }

    private static string NothingToWriteAbout(IReadOnlyList<SourceOutcome> outcomes, EditionPlan plan)
    {
        if (outcomes.Count == 0)
        {
            return "No draft: no source is enabled and due, so there was nothing to read.";
        }

        if (outcomes.All(o => !o.Succeeded))
        {
            return "No draft: nothing could be fetched. " + string.Join("; ", outcomes.Select(o => o.Describe()));
        }

        return plan.Trending.Count > 0
            ? "No draft: the sources carried only trending headlines, no topics. " + string.Join("; ", outcomes.Select(o => o.Describe()))
            : "No draft: the sources carried no new items from the last three days. " + string.Join("; ", outcomes.Select(o => o.Describe()));
    }

    private async Task<bool> EditionExistsAsync(DateOnly edition)
    {
        db.ChangeTracker.Clear();
        return await db.Posts.AnyAsync(p => p.EditionDate == edition);
    }

    private async Task<GenerationRun> FinishAsync(Guid runId, Action<GenerationRun> finish, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var run = await db.GenerationRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        finish(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task<SiteSettings> LoadSettingsAsync(CancellationToken cancellationToken) =>
        await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
