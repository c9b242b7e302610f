using System.Globalization;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Sources.Discussions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>The discussions read for an edition's topics: the writer's briefs (with comments), and what could not be read.</summary>
public sealed record EditionDiscussions(IReadOnlyList<TopicBrief> Briefs, IReadOnlyList<string> Notes)
{
    public int CommentsRead => Briefs.Sum(b => b.Discussions.Sum(t => t.Comments.Count));
}

/// <summary>What grounding a new draft gave: the tally for its run, and notes for the run's message.</summary>
public sealed record DraftGroundingResult(GroundingTally Tally, IReadOnlyList<string> Notes);

/// <summary>
/// Grounding while a draft is made. Before writing: reads the top comments of each topic's Reddit and Hacker News
/// discussions, so the writer gets them as data with the item's text. After writing: keeps every source text with
/// its section (<see cref="SourceEvidence"/>), checks the sections against them, asks the optional second opinion,
/// and tallies the sentences for the run. A discussion that cannot be read, or a second opinion that fails, is a
/// note on the run, never a failed draft.
/// </summary>
public sealed class DraftGrounding(
    DigestDbContext db,
    IDiscussionReader discussions,
    CommentOptions commentOptions,
    GroundingOptions options,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DraftGrounding> logger)
{
    /// <summary>At most this many discussions are read per story (a story on Reddit and Hacker News has two).</summary>
    public const int MaxThreadsPerStory = 2;

    public async Task<EditionDiscussions> ReadDiscussionsAsync(IReadOnlyList<PlannedStory> topics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var briefs = topics.Select(s => s.ToBrief()).ToList();
        if (!commentOptions.Enabled)
        {
            return new EditionDiscussions(briefs, []);
        }

        using var deadline = new CancellationTokenSource(commentOptions.MaxWait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var reads = topics.Select(story => story.Candidates
                .Where(c => Sources.Discussions.Discussions.IsReadable(c.Item.DiscussionUrl))
                .DistinctBy(c => c.Item.DiscussionUrl)
                .Take(MaxThreadsPerStory)
                .Select(c => ReadAsync(c.Item.DiscussionUrl!, c.Source.Name, linked.Token))
                .ToList())
            .ToList();
        await Task.WhenAll(reads.SelectMany(r => r));
        cancellationToken.ThrowIfCancellationRequested();

        var notes = new List<string>();
        for (var i = 0; i < topics.Count; i++)
        {
            var readings = reads[i].Select(r => r.Result).ToList();
            briefs[i] = briefs[i] with { Threads = [.. readings.Select(r => r.Thread).OfType<DiscussionThread>()] };
            notes.AddRange(readings.Where(r => r.Error is not null).Select(r => r.Error!));
        }

        return new EditionDiscussions(briefs, notes.Count == 0 ? [] : [Plural(notes.Count, "discussion", "discussions") + " could not be read, so their topics were written without comments: " + string.Join("; ", notes) + "."]);
    }

    /// <summary>
    /// Keeps the sources with the draft's sections (added to the context, saved with the draft), links each topic's
    /// thread line to its discussion, runs the second opinion when it is on, and tallies the check. Sections are
    /// matched to the plan in order: the n-th topic of the post is the plan's n-th topic.
    /// </summary>
    public async Task<DraftGroundingResult> RecordAsync(Post post, EditionPlan plan, EditionDiscussions read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(read);
        var sections = post.Sections.OrderBy(s => s.Position).ToList();
        var checkedSections = new List<(Section Section, string Name, GroundingSources Sources)>();
        var topics = sections.Where(s => s.Kind == SectionKind.Topic).ToList();
        for (var i = 0; i < topics.Count && i < plan.Topics.Count; i++)
        {
            var evidence = Keep(topics[i], plan.Topics[i], read.Briefs[i].Threads ?? []);
            topics[i].LinkThread(read.Briefs[i].Discussions is [var first, ..] ? first.Url : null);
            checkedSections.Add((topics[i], PostGrounding.NameOf(sections, topics[i]), new GroundingSources(evidence, [])));
        }

        var trending = sections.Where(s => s.Kind == SectionKind.Trending).ToList();
        for (var i = 0; i < trending.Count && i < plan.Trending.Count; i++)
        {
            checkedSections.Add((trending[i], PostGrounding.NameOf(sections, trending[i]), new GroundingSources(Keep(trending[i], plan.Trending[i], []), [])));
        }

        var notes = new List<string>(read.Notes);
        var model = options.SecondOpinion ? services.GetService<ModelWriter>() : null;
        if (model is not null)
        {
            var opinions = await Task.WhenAll(checkedSections.Select(s => SecondOpinionAsync(model, s.Section, s.Sources, cancellationToken)));
            for (var i = 0; i < checkedSections.Count; i++)
            {
                checkedSections[i] = checkedSections[i] with { Sources = new GroundingSources(checkedSections[i].Sources.Evidence, opinions[i].Findings) };
            }

            var failed = opinions.Where(o => o.Problem is not null).ToList();
            if (failed.Count > 0)
            {
                notes.Add($"The second opinion could not check {Plural(failed.Count, "section", "sections")} ({failed[0].Problem}); the check's own findings stand for them.");
            }
        }

        var report = new PostGroundingReport([.. checkedSections.Select(s => new SectionReport(s.Section, s.Name, s.Sources, s.Sources.Check(s.Section.Kind, s.Section.Text)))]);
        var tally = report.Tally with { FlaggedByModel = model is null ? null : report.Sections.Sum(s => s.Result.FlaggedOnlyByModel), CommentsRead = read.CommentsRead };
        logger.LogInformation(
            "Draft {Slug}: {Grounded} of {Sentences} sentences grounded, {Unsupported} not found in their sources, {Comments} comments read",
            post.Slug, tally.Grounded, tally.Sentences, tally.Unsupported, tally.CommentsRead);
        return new DraftGroundingResult(tally, notes);
    }

    private List<SourceEvidence> Keep(Section section, PlannedStory story, IReadOnlyList<DiscussionThread> threads)
    {
        var evidence = new List<SourceEvidence>();
        foreach (var candidate in story.Candidates)
        {
            var item = candidate.Item;
            evidence.Add(SourceEvidence.ForItem(section.Id, evidence.Count, item.Id, candidate.CreditLabel(), item.DiscussionUrl ?? item.Url, item.Title, item.Excerpt, item.PublishedAt, item.DiscussionUrl));
        }

        foreach (var thread in threads)
        {
            var item = story.Candidates.FirstOrDefault(c => c.Item.DiscussionUrl == thread.Url)?.Item.Id;
            foreach (var comment in thread.Comments)
            {
                evidence.Add(SourceEvidence.ForComment(section.Id, evidence.Count, item, thread, comment));
            }
        }

        db.Set<SourceEvidence>().AddRange(evidence);
        return evidence;
    }

    private async Task<(IReadOnlyList<SecondOpinionFinding> Findings, string? Problem)> SecondOpinionAsync(ModelWriter model, Section section, GroundingSources sources, CancellationToken cancellationToken)
    {
        var text = string.Join("\n", SectionChecker.PartsOf(section.Kind, section.Text).Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Text!.Trim()));
        if (text.Length == 0)
        {
            return ([], null);
        }

        var answer = await model.VerifyAsync(section.Kind, section.Heading ?? "", EvidenceBlock.Render(sources.Evidence), text, cancellationToken);
        if (answer is null)
        {
            return ([], model.Usage.Calls is [.., var last] && !last.Succeeded ? "the model did not answer" : "no usable answer or no budget left");
        }

        var prompt = model.Usage.Calls.LastOrDefault(c => c.Prompt.StartsWith(Prompts.DefaultPrompts.Verify.Name + "@", StringComparison.Ordinal))?.Prompt ?? Prompts.DefaultPrompts.Verify.Id;
        var at = clock.GetUtcNow().UtcDateTime;
        var findings = answer.Unsupported
            .Where(s => !string.IsNullOrWhiteSpace(s.Sentence))
            .Select(s => SecondOpinionFinding.Record(section.Id, s.Sentence.Trim(), string.IsNullOrWhiteSpace(s.Reason) ? "not supported by the sources" : s.Reason.Trim(), model.Name, prompt, at))
            .ToList();
        db.Set<SecondOpinionFinding>().AddRange(findings);
        return (findings, null);
    }

    private async Task<DiscussionReading> ReadAsync(string url, string sourceName, CancellationToken cancellationToken)
    {
        try
        {
            return await discussions.ReadAsync(url, sourceName, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return DiscussionReading.Failed(url, string.Create(CultureInfo.InvariantCulture, $"not read within {commentOptions.MaxWait.TotalSeconds:0} s"));
        }
    }

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
