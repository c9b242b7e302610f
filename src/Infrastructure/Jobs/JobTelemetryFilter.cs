using System.Diagnostics;
using Digest.Infrastructure.Telemetry;
using Hangfire.Client;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Jobs;

/// <summary>
/// A span, a log scope and a duration per background job. A job enqueued during a request (e.g. "Generate now")
/// carries that request's trace context in a job parameter, so its span continues the request's trace even when
/// another instance runs it; recurring jobs start traces of their own.
/// </summary>
internal sealed class JobTelemetryFilter(ILogger<JobTelemetryFilter> logger, TimeProvider clock) : IClientFilter, IServerFilter
{
    private const string TraceParent = "traceparent";
    private const string State = "Digest.Telemetry";

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current is { } current)
        {
            context.SetJobParameter(TraceParent, current.Id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var name = JobName(context.BackgroundJob.Job);
        ActivityContext.TryParse(context.GetJobParameter<string>(TraceParent), null, out var parent);
        var activity = DigestTelemetry.Source.StartActivity($"job {name}", ActivityKind.Consumer, parent);
        activity?.SetTag("digest.job.name", name);
        activity?.SetTag("digest.job.id", context.BackgroundJob.Id);
        var retry = context.GetJobParameter<int>("RetryCount");
        if (retry > 0)
        {
            activity?.SetTag("digest.job.retry", retry);
        }

        var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = context.BackgroundJob.Id, ["Job"] = name });
        context.Items[State] = new Running(activity, scope, clock.GetTimestamp(), name);
        logger.LogInformation("Job {Job} ({JobId}) started{Retry}", name, context.BackgroundJob.Id, retry > 0 ? $", retry {retry}" : "");
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(State, out var value) || value is not Running running)
        {
            return;
        }

        var elapsed = clock.GetElapsedTime(running.Started);
        var failed = context.Exception is not null && !context.ExceptionHandled;
        var outcome = failed ? "failed" : context.Canceled ? "cancelled" : "succeeded";
        DigestTelemetry.JobDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("digest.job.name", running.Name),
            new KeyValuePair<string, object?>("digest.outcome", outcome));
        if (failed)
        {
            var error = context.Exception!.InnerException ?? context.Exception;
            running.Activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            running.Activity?.AddException(error);
            logger.LogWarning("Job {Job} ({JobId}) failed after {Elapsed:0.0} s: {Error}", running.Name, context.BackgroundJob.Id, elapsed.TotalSeconds, error.Message);
        }
        else
        {
            logger.LogInformation("Job {Job} ({JobId}) {Outcome} in {Elapsed:0.0} s", running.Name, context.BackgroundJob.Id, outcome, elapsed.TotalSeconds);
        }

        running.Scope?.Dispose();
        running.Activity?.Dispose();
    }

    private static string JobName(Hangfire.Common.Job? job) => job?.Type.Name ?? "unknown";

    private sealed record Running(Activity? Activity, IDisposable? Scope, long Started, string Name);
}
