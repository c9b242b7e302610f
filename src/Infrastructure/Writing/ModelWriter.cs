using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Writing.Cache;
using Digest.Infrastructure.Writing.Grounding;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Writing;

/// <summary>
/// Writes sections with a model (Azure OpenAI or an OpenAI-compatible server). One instance per run (DI scope):
/// its ledger holds the run's usage, budget and per-section outcomes. A section that could not be written is
/// returned with its title and empty parts, so the draft is still made and the gap is visible; the reason is in
/// <see cref="IWriterUsage.ProblemWith"/>.
/// </summary>
public sealed class ModelWriter : IDigestWriter
{
    private readonly Func<string, IChatClient> _chatFor;
    private readonly LlmSettings _settings;
    private readonly WriterLedger _ledger;
    private readonly IModelResponseCache _cache;
    private readonly ModelCallGate _gate;
    private readonly IPromptTemplates _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelWriter> _logger;
    private readonly SectionWriter _sections;

    internal ModelWriter(Func<string, IChatClient> chatFor, LlmSettings settings, WriterLedger ledger, IModelResponseCache cache, ModelCallGate gate, IPromptTemplates prompts, TimeProvider time, ILogger<ModelWriter> logger)
    {
        (_chatFor, _settings, _ledger, _cache, _gate, _prompts, _time, _logger) = (chatFor, settings, ledger, cache, gate, prompts, time, logger);
        Name = settings.ModelName;
        Usage = ledger;
        _sections = new SectionWriter(chatFor, settings, ledger, cache, gate, prompts, time, logger);
    }

    public string Name { get; }

    public IWriterUsage Usage { get; }

    public async Task<SectionText> WriteTopicAsync(TopicBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var answer = await _sections.WriteAsync<TopicAnswer>(SectionKind.Topic, brief.Title, DefaultPrompts.Topic.Name, PromptValues.ForSource(brief), Today(), cancellationToken);
        return new SectionText(brief.Title, answer?.Summary, answer?.Benefits, answer?.Ramifications, Thread: ThreadLine(brief, answer));
    }

    /// <summary>
    /// The second opinion on one written section: the statements its sources (<paramref name="sources"/>, a rendered
    /// source block) do not support, or null when the model could not answer. Budgets and ledger as for writing;
    /// never cached when the text differs, and never taken for the section's own outcome.
    /// </summary>
    public async Task<VerificationAnswer?> VerifyAsync(SectionKind kind, string label, string sources, string text, CancellationToken cancellationToken) =>
        await _sections.WriteAsync<VerificationAnswer>(kind, label, DefaultPrompts.Verify.Name, PromptValues.ForVerification(sources, text), Today(), cancellationToken, recordOutcome: false);

    // A line on the discussion only when the model was given one: without comments it could only make one up.
    private static string? ThreadLine(TopicBrief brief, TopicAnswer? answer) =>
        brief.Discussions.Count > 0 && !string.IsNullOrWhiteSpace(answer?.Thread) ? answer.Thread.Trim() : null;

    public async Task<SectionText> WriteTrendingAsync(TopicBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var answer = await _sections.WriteAsync<TrendingAnswer>(SectionKind.Trending, brief.Title, DefaultPrompts.Trending.Name, PromptValues.ForSource(brief), Today(), cancellationToken);
        return new SectionText(brief.Title, answer?.Summary);
    }

    public async Task<IReadOnlyList<SectionText>> WritePredictionsAsync(IReadOnlyList<string> subjects, DateOnly edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var written = await Task.WhenAll(subjects.Select(subject => WritePredictionAsync(subject, edition, null, cancellationToken)));
        return written;
    }

    /// <summary>
    /// A new version of one section, following the editor's <paramref name="instruction"/> (may be empty) and
    /// shown the current text. Never served from the cache: the editor wants a different answer.
    /// </summary>
    public async Task<SectionText> RewriteAsync(SectionKind kind, TopicBrief? brief, SectionText current, string? instruction, DateOnly edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var rewrite = await _prompts.GetAsync(DefaultPrompts.Rewrite.Name, cancellationToken);
        var addendum = new PromptAddendum(rewrite, PromptValues.ForRewrite(current, instruction));
        switch (kind)
        {
            case SectionKind.Topic when brief is not null:
                var topic = await _sections.WriteAsync<TopicAnswer>(kind, brief.Title, DefaultPrompts.Topic.Name, PromptValues.ForSource(brief), edition, cancellationToken, addendum);
                return current with { Body = topic?.Summary, Benefits = topic?.Benefits, Ramifications = topic?.Ramifications, Thread = ThreadLine(brief, topic) };
            case SectionKind.Trending when brief is not null:
                var trending = await _sections.WriteAsync<TrendingAnswer>(kind, brief.Title, DefaultPrompts.Trending.Name, PromptValues.ForSource(brief), edition, cancellationToken, addendum);
                return current with { Body = trending?.Summary };
            case SectionKind.Prediction:
                var prediction = await WritePredictionAsync(current.Heading ?? "", edition, addendum, cancellationToken);
                return current with { Body = prediction.Body, PredictedWhen = prediction.PredictedWhen };
            default:
                throw new InvalidOperationException($"A {kind} section cannot be regenerated{(brief is null ? " without its source" : "")}.");
        }
    }

    /// <summary>The same writer (same ledger, cache and budgets) with other prompts, for trying unsaved prompt text.</summary>
    public ModelWriter WithPrompts(IPromptTemplates prompts) =>
        new(_chatFor, _settings, _ledger, new NoModelResponseCache(), _gate, prompts, _time, _logger);

    private async Task<SectionText> WritePredictionAsync(string subject, DateOnly edition, PromptAddendum? addendum, CancellationToken cancellationToken)
    {
        var answer = await _sections.WriteAsync<PredictionAnswer>(SectionKind.Prediction, subject, DefaultPrompts.Prediction.Name, PromptValues.ForPrediction(subject, edition), edition, cancellationToken, addendum);
        return new SectionText(subject, answer?.Rationale, PredictedWhen: answer?.PredictedWhen);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
