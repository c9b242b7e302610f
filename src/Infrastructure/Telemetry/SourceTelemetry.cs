using System.Diagnostics;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;

namespace Digest.Infrastructure.Telemetry;

/// <summary>A span per source fetch (its HTTP requests nest inside it) and the fetch and failure counters.</summary>
internal static class SourceTelemetry
{
    public static Activity? StartFetch(Source source)
    {
        var activity = DigestTelemetry.Source.StartActivity("source fetch");
        activity?.SetTag("digest.source.id", source.Id.ToString());
        activity?.SetTag("digest.source.name", source.Name);
        activity?.SetTag("digest.source.kind", source.Kind.ToString());
        activity?.SetTag("url.full", source.Url);
        return activity;
    }

    public static void Record(Activity? activity, Source source, FetchResult result)
    {
        var outcome = result.Status switch
        {
            FetchStatus.Failed => "failed",
            FetchStatus.NotModified => "not_modified",
            _ => "stored",
        };
        var kind = new KeyValuePair<string, object?>("digest.source.kind", source.Kind.ToString());
        DigestTelemetry.SourceFetches.Add(1, kind, new KeyValuePair<string, object?>("digest.outcome", outcome));
        activity?.SetTag("digest.outcome", outcome);
        activity?.SetTag("digest.source.items", result.Items.Count);
        if (result.Failed)
        {
            DigestTelemetry.SourceFailures.Add(1, kind);
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }
}
