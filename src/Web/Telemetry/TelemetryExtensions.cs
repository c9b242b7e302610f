using System.Reflection;
using System.Runtime.CompilerServices;
using Digest.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Digest.Web.Telemetry;

/// <summary>
/// Logs, traces and metrics for the site. Traces cover requests, outgoing HTTP (sources, model, webhooks),
/// EF Core, jobs, generation runs and GenAI calls; metrics cover requests, the output cache, drafts, the quality
/// gate, sources, model tokens and cost, jobs and alerts. Nothing is exported unless asked: OTLP through the
/// standard OTEL_* variables, Prometheus through <c>Digest:Telemetry:Prometheus</c>.
/// </summary>
public static class TelemetryExtensions
{
    public static IHostApplicationBuilder AddDigestTelemetry(this IHostApplicationBuilder builder)
    {
        var options = TelemetryOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.ConsoleLogs == ConsoleLogFormat.Json)
        {
            // Scopes carry the trace and span ids (the host tracks them for every log entry) and the job ids.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        var otlp = TelemetryOptions.OtlpConfigured(builder.Configuration);
        if (otlp || options.Prometheus)
        {
            AddOpenTelemetry(builder, otlp, options.Prometheus);
        }

        return builder;
    }

    // Its own method, so that a site that exports nothing never loads OpenTelemetry to compile it (ADR 0043).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IHostApplicationBuilder builder, bool otlp, bool prometheus)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "digest",
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                // Two instances on one host (or two containers with one name) must stay apart.
                serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(DigestTelemetry.SourceName, DigestTelemetry.ModelSourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (prometheus)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(DigestTelemetry.SourceName, DigestTelemetry.ModelSourceName)
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsOperational(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation())
                .WithLogging(logging => { }, logging =>
                {
                    logging.IncludeFormattedMessage = true;
                    logging.IncludeScopes = true;
                })
                .UseOtlpExporter();
        }
    }

    public static WebApplication MapDigestTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
        {
            MapPrometheus(app);
        }

        return app;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapPrometheus(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();

    /// <summary>Health probes and scrapes: asked every few seconds, worth neither a trace nor a log line.</summary>
    public static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");
}
