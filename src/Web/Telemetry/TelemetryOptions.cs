namespace Digest.Web.Telemetry;

/// <summary>
/// <c>Digest:Telemetry</c>. OTLP export needs no setting of its own: it is on when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a per-signal endpoint) is set, and honours the other <c>OTEL_*</c> variables.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Digest:Telemetry";

    /// <summary>Serve metrics for Prometheus at <c>/metrics</c> (keep it off the public internet; the nginx config denies it).</summary>
    public bool Prometheus { get; set; }

    /// <summary><c>Simple</c> (one readable line per entry) or <c>Json</c> (one JSON object per line, with trace and span ids).</summary>
    public ConsoleLogFormat ConsoleLogs { get; set; } = ConsoleLogFormat.Simple;

    /// <summary>A request that takes longer than this is logged as a warning.</summary>
    public TimeSpan SlowRequest { get; set; } = TimeSpan.FromSeconds(2);

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    private static readonly string[] OtlpEndpoints =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"];

    /// <summary>True when any OTLP endpoint is configured, through the environment or configuration.</summary>
    public static bool OtlpConfigured(IConfiguration configuration) =>
        OtlpEndpoints.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}

public enum ConsoleLogFormat
{
    Simple,
    Json,
}
