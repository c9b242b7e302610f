using System.Globalization;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Writing.Cache;
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
    private readonly SectionWriter _sections;
    private readonly TimeProvider _time;

    internal ModelWriter(IChatClient chat, LlmSettings settings, WriterLedger ledger, IModelResponseCache cache, ModelCallGate gate, IPromptTemplates prompts, TimeProvider time, ILogger<ModelWriter> logger)
    {
        Name = settings.ModelName;
        Usage = ledger;
        _time = time;
        _sections = new SectionWriter(chat, settings, ledger, cache, gate, prompts, time, logger);
    }

    public string Name { get; }

    public IWriterUsage Usage { get; }

    public async Task<SectionText> WriteTopicAsync(TopicBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var answer = await _sections.WriteAsync<TopicAnswer>(SectionKind.Topic, brief.Title, DefaultPrompts.Topic.Name, SourceValues(brief), Today(), cancellationToken);
        return new SectionText(brief.Title, answer?.Summary, answer?.Benefits, answer?.Ramifications);
    }

    public async Task<SectionText> WriteTrendingAsync(TopicBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var answer = await _sections.WriteAsync<TrendingAnswer>(SectionKind.Trending, brief.Title, DefaultPrompts.Trending.Name, SourceValues(brief), Today(), cancellationToken);
        return new SectionText(brief.Title, answer?.Summary);
    }

    public async Task<IReadOnlyList<SectionText>> WritePredictionsAsync(IReadOnlyList<string> subjects, DateOnly edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var written = await Task.WhenAll(subjects.Select(async subject =>
        {
            var values = new Dictionary<string, string>
            {
                ["subject"] = subject,
                ["edition"] = edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var answer = await _sections.WriteAsync<PredictionAnswer>(SectionKind.Prediction, subject, DefaultPrompts.Prediction.Name, values, edition, cancellationToken);
            return new SectionText(subject, answer?.Rationale, PredictedWhen: answer?.PredictedWhen);
        }));
        return written;
    }

    private static Dictionary<string, string> SourceValues(TopicBrief brief) => new() { ["source"] = SourceBlock.Render(brief) };

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
