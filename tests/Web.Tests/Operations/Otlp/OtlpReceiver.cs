using System.Collections.Concurrent;
using Digest.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Digest.Web.Tests.Operations.Otlp;

/// <summary>An OTLP/HTTP receiver (protobuf bodies) on 127.0.0.1: keeps every span, log record and metric name it is sent.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LocalHttpServer _server;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedLog> _logs = new();
    private readonly ConcurrentDictionary<string, byte> _metrics = new(StringComparer.Ordinal);

    private OtlpReceiver(LocalHttpServer server)
    {
        _server = server;
        server.Map("/v1/traces", context => ReceiveAsync(context, ReadSpans));
        server.Map("/v1/logs", context => ReceiveAsync(context, ReadLogs));
        server.Map("/v1/metrics", context => ReceiveAsync(context, ReadMetrics));
    }

    public Uri Endpoint => _server.BaseAddress;

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedLog> Logs => [.. _logs];

    public IReadOnlyCollection<string> MetricNames => [.. _metrics.Keys];

    public static async Task<OtlpReceiver> StartAsync() => new(await LocalHttpServer.StartAsync());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task ReceiveAsync(HttpContext context, Action<Protobuf> read)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        read(new Protobuf(body.ToArray()));
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // ExportTraceServiceRequest → ResourceSpans(1) → ScopeSpans(2) → Span(2)
    private void ReadSpans(Protobuf request)
    {
        foreach (var resource in request.Messages(1))
        {
            var service = Attributes(resource.Message(1)).GetValueOrDefault("service.name");
            foreach (var scope in resource.Messages(2))
            {
                var scopeName = scope.Message(1)?.String(1) ?? "";
                foreach (var span in scope.Messages(2))
                {
                    _spans.Enqueue(new ReceivedSpan(span.Hex(1)!, span.Hex(2)!, span.Hex(4), span.String(5) ?? "", scopeName, service, Attributes(span, 9)));
                }
            }
        }
    }

    // ExportLogsServiceRequest → ResourceLogs(1) → ScopeLogs(2) → LogRecord(2): body 5, trace id 9, span id 10
    private void ReadLogs(Protobuf request)
    {
        foreach (var scope in request.Messages(1).SelectMany(r => r.Messages(2)))
        {
            foreach (var record in scope.Messages(2))
            {
                _logs.Enqueue(new ReceivedLog(record.Message(5)?.String(1) ?? "", record.Hex(9), record.Hex(10)));
            }
        }
    }

    // ExportMetricsServiceRequest → ResourceMetrics(1) → ScopeMetrics(2) → Metric(2): name 1
    private void ReadMetrics(Protobuf request)
    {
        foreach (var metric in request.Messages(1).SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2)))
        {
            if (metric.String(1) is { } name)
            {
                _metrics[name] = 0;
            }
        }
    }

    // KeyValue: key 1, AnyValue 2 (string 1, bool 2, int 3, double 4)
    private static Dictionary<string, string> Attributes(Protobuf? message, int field = 1)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in message?.Messages(field) ?? [])
        {
            var value = pair.Message(2);
            var number = value?.Fields().FirstOrDefault(f => f.Field == 3);
            attributes[pair.String(1) ?? ""] = value?.String(1) ?? (number is { Field: 3 } n ? n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        }

        return attributes;
    }
}

internal sealed record ReceivedSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, string Scope, string? Service, IReadOnlyDictionary<string, string> Attributes);

internal sealed record ReceivedLog(string Body, string? TraceId, string? SpanId);
