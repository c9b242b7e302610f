using Digest.Infrastructure.Audit;
using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>A source item an admin can try a prompt on.</summary>
public sealed record DryRunItem(Guid Id, string Title, string SourceName, DateTime SeenAt);

/// <summary>
/// What a dry run sent and got back. Without a model (Offline) there is no answer: <see cref="ModelConfigured"/>
/// is false and <see cref="Problem"/> says so.
/// </summary>
public sealed record DryRunResult(
    string Prompt,
    string SystemPrompt,
    string UserPrompt,
    bool ModelConfigured,
    string? Model,
    SectionText? Answer,
    string? Problem,
    int PromptTokens,
    int CompletionTokens,
    decimal EstimatedCost)
{
    /// <summary>The answer checked against the item's text and the comments it was given, as a run would check it.</summary>
    public Grounding.SectionGrounding? Grounding { get; init; }

    /// <summary>What the answer was checked against: the item and its discussion's top comments.</summary>
    public IReadOnlyList<Grounding.SourceEvidence> Sources { get; init; } = [];
}

/// <summary>
/// Tries a prompt — the stored version or unsaved text — on one source item, and shows the rendered prompt and
/// the model's answer. The call goes through the real writer (same budgets, recorded in the ledger as a dry run)
/// but never through the response cache. A topic is given its discussion's top comments, as in a run, and the
/// answer is checked against the item and the comments; trying the "verify" prompt also asks for the second opinion.
/// </summary>
public sealed class PromptDryRun(DigestDbContext db, IPromptTemplates prompts, WriterRunContext context, IServiceProvider services, TimeProvider clock)
{
    public const string NoModel = "No model is configured (Digest:Llm:Provider is Offline), so nothing was sent: this is the prompt a model would receive.";

    public async Task<IReadOnlyList<DryRunItem>> RecentItemsAsync(int count = 50, CancellationToken cancellationToken = default) =>
        await db.SourceItems.AsNoTracking()
            .Join(db.Sources, i => i.SourceId, s => s.Id, (i, s) => new { i.Id, i.Title, SourceName = s.Name, i.FirstSeenAt })
            .OrderByDescending(x => x.FirstSeenAt)
            .Take(count)
            .Select(x => new DryRunItem(x.Id, x.Title, x.SourceName, x.FirstSeenAt))
            .ToListAsync(cancellationToken);

    /// <param name="promptName">The prompt being tried; "system", "repair", "rewrite" and "verify" are tried with the topic prompt.</param>
    /// <param name="text">Unsaved text for that prompt, or null for its active version.</param>
    public async Task<DryRunResult> RunAsync(string promptName, string? text, Guid sourceItemId, CancellationToken cancellationToken = default)
    {
        var tried = await prompts.GetAsync(promptName, cancellationToken);
        var templates = prompts;
        if (text is not null && text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() != tried.Text.Trim())
        {
            var shipped = DefaultPrompts.All.FirstOrDefault(p => p.Name == promptName) ?? tried;
            if (PromptRules.Problems(shipped, text) is { Count: > 0 } problems)
            {
                throw new DomainException("The prompt cannot be tried: " + string.Join(" ", problems));
            }

            tried = tried with { Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() };
            templates = new OverlaidPromptTemplates(prompts, tried);
        }

        var label = tried.Id + (ReferenceEquals(templates, prompts) ? "" : " (unsaved)");
        var kind = promptName == DefaultPrompts.Trending.Name ? SectionKind.Trending
            : promptName == DefaultPrompts.Prediction.Name ? SectionKind.Prediction
            : SectionKind.Topic;
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var edition = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.FindTimeZone()).DateTime);
        TopicBrief? brief = null;
        IReadOnlyList<Grounding.SourceEvidence> evidence = [];
        string subject;
        Dictionary<string, string> values;
        if (kind == SectionKind.Prediction)
        {
            subject = settings.PredictionSubjects.FirstOrDefault() ?? "Artificial general intelligence";
            values = PromptValues.ForPrediction(subject, edition);
        }
        else
        {
            (brief, evidence) = await BriefAsync(sourceItemId, kind, cancellationToken);
            subject = brief.Title;
            values = PromptValues.ForSource(brief);
        }

        var system = (await templates.GetAsync(DefaultPrompts.System.Name, cancellationToken)).Render(new Dictionary<string, string>());
        var user = (await templates.GetAsync(kind switch
        {
            SectionKind.Trending => DefaultPrompts.Trending.Name,
            SectionKind.Prediction => DefaultPrompts.Prediction.Name,
            _ => DefaultPrompts.Topic.Name,
        }, cancellationToken)).Render(values);

        if (services.GetService<ModelWriter>() is not { } model)
        {
            return new DryRunResult(label, system, user, false, null, null, NoModel, 0, 0, 0m);
        }

        context.For(ModelCallPurpose.DryRun);
        var writer = model.WithPrompts(templates);
        var answer = kind switch
        {
            SectionKind.Trending => await writer.WriteTrendingAsync(brief!, cancellationToken),
            SectionKind.Prediction => (await writer.WritePredictionsAsync([subject], edition, cancellationToken))[0],
            _ => await writer.WriteTopicAsync(brief!, cancellationToken),
        };
        var usage = writer.Usage;
        var problem = usage.ProblemWith(kind, subject);
        Grounding.SectionGrounding? grounding = null;
        if (problem is null && evidence.Count > 0)
        {
            var statements = promptName == DefaultPrompts.Verify.Name ? await SecondOpinionAsync(writer, kind, subject, evidence, answer, cancellationToken) : [];
            grounding = Grounding.SectionChecker.Check(kind, answer, [.. evidence.Select(e => e.CheckedText)], statements);
        }

        // A dry run calls the model and costs money like a run does.
        db.Audit(clock, AuditActions.PromptDryRun, AuditSubject.Prompt(promptName),
            $"{label} tried on \"{subject}\": {usage.PromptTokens + usage.CompletionTokens} tokens, estimated cost {usage.EstimatedCost:0.####}{(problem is null ? "" : "; " + problem)}");
        await db.SaveChangesAsync(cancellationToken);
        return new DryRunResult(label, system, user, true, usage.Calls.FirstOrDefault(c => !c.Prompt.StartsWith(DefaultPrompts.Verify.Name + "@", StringComparison.Ordinal))?.Model ?? writer.Name,
            problem is null ? answer : null, problem, usage.PromptTokens, usage.CompletionTokens, usage.EstimatedCost)
        {
            Grounding = grounding,
            Sources = evidence,
        };
    }

    private static async Task<IReadOnlyList<Grounding.ModelStatement>> SecondOpinionAsync(
        ModelWriter writer, SectionKind kind, string subject, IReadOnlyList<Grounding.SourceEvidence> evidence, SectionText answer, CancellationToken cancellationToken)
    {
        var text = string.Join("\n", Grounding.SectionChecker.PartsOf(kind, answer).Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Text!.Trim()));
        var verdict = await writer.VerifyAsync(kind, subject, Grounding.EvidenceBlock.Render(evidence), text, cancellationToken);
        return verdict is null ? [] : [.. verdict.Unsupported.Where(u => !string.IsNullOrWhiteSpace(u.Sentence)).Select(u => new Grounding.ModelStatement(u.Sentence, u.Reason ?? "", writer.Name))];
    }

    /// <summary>The item as a run would give it to the writer — for a topic, with its discussion's top comments — and what the answer is checked against.</summary>
    private async Task<(TopicBrief Brief, IReadOnlyList<Grounding.SourceEvidence> Evidence)> BriefAsync(Guid sourceItemId, SectionKind kind, CancellationToken cancellationToken)
    {
        var row = await db.SourceItems.AsNoTracking()
            .Where(i => i.Id == sourceItemId)
            .Join(db.Sources, i => i.SourceId, s => s.Id, (i, s) => new { Item = i, Source = s })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("That source item no longer exists; choose another.");
        var candidate = new Candidate(row.Item, row.Source, 0, "");
        var brief = candidate.ToBrief();
        var item = row.Item;
        var evidence = new List<Grounding.SourceEvidence>
        {
            Grounding.SourceEvidence.ForItem(Guid.Empty, 0, item.Id, candidate.CreditLabel(), item.DiscussionUrl ?? item.Url, item.Title, item.Excerpt, item.PublishedAt, item.DiscussionUrl),
        };
        if (kind == SectionKind.Topic && Sources.Discussions.Discussions.IsReadable(item.DiscussionUrl) && services.GetService<Sources.Discussions.IDiscussionReader>() is { } reader)
        {
            var reading = await reader.ReadAsync(item.DiscussionUrl!, row.Source.Name, cancellationToken);
            if (reading.Thread is { } thread)
            {
                brief = brief with { Threads = [thread] };
                evidence.AddRange(thread.Comments.Select((c, i) => Grounding.SourceEvidence.ForComment(Guid.Empty, i + 1, item.Id, thread, c)));
            }
        }

        return (brief, evidence);
    }

    private sealed class OverlaidPromptTemplates(IPromptTemplates inner, PromptTemplate overlay) : IPromptTemplates
    {
        public ValueTask<PromptTemplate> GetAsync(string name, CancellationToken cancellationToken) =>
            name == overlay.Name ? ValueTask.FromResult(overlay) : inner.GetAsync(name, cancellationToken);
    }
}
