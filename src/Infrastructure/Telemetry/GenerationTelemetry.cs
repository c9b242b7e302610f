using System.Diagnostics;
using Digest.Domain.Generation;

namespace Digest.Infrastructure.Telemetry;

/// <summary>A span per generation run (sources, model calls and the database nest inside it) and the drafts counter.</summary>
internal static class GenerationTelemetry
{
    public static Activity? Start(GenerationRun run)
    {
        var activity = DigestTelemetry.Source.StartActivity("generate edition");
        activity?.SetTag("digest.run.id", run.Id.ToString());
        activity?.SetTag("digest.edition", run.EditionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("digest.trigger", TriggerKind(run.Trigger));
        activity?.SetTag("digest.writer", run.Writer);
        return activity;
    }

    public static void DraftWritten(GenerationRun run) =>
        DigestTelemetry.DraftsGenerated.Add(1,
            new KeyValuePair<string, object?>("digest.trigger", TriggerKind(run.Trigger)),
            new KeyValuePair<string, object?>("digest.writer", run.Writer));

    /// <summary>"dashboard by ada@example.com" → "dashboard": a tag must not carry one value per person.</summary>
    public static string TriggerKind(string trigger)
    {
        var text = trigger.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? text : text[..space]).ToLowerInvariant();
    }
}
