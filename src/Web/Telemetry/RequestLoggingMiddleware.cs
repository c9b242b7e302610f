namespace Digest.Web.Telemetry;

/// <summary>
/// One log line per request, at a level chosen by what happened: server errors as errors, slow requests as warnings,
/// client errors and anything that changes state (not GET/HEAD) as information, the rest at debug. The public site
/// can answer tens of thousands of reads a second, so reads are only written when debug logging is asked for.
/// The path is logged without its query string: links in emails carry tokens there.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TelemetryOptions options, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (TelemetryExtensions.IsOperational(context.Request.Path))
        {
            await next(context);
            return;
        }

        var started = clock.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var level = LevelFor(context, status, elapsed);
            if (logger.IsEnabled(level))
            {
                Log(logger, level, context.Request.Method, context.Request.Path.Value ?? "/", status, elapsed.TotalMilliseconds);
            }
        }
    }

    private LogLevel LevelFor(HttpContext context, int status, TimeSpan elapsed)
    {
        if (status >= 500)
        {
            return LogLevel.Error;
        }

        // A dashboard circuit or WebSocket lives as long as the tab is open; its length says nothing about speed.
        var longLived = context.Request.Path.StartsWithSegments("/_blazor") || context.WebSockets.IsWebSocketRequest;
        if (!longLived && elapsed > options.SlowRequest)
        {
            return LogLevel.Warning;
        }

        return status >= 400 || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            ? LogLevel.Information
            : LogLevel.Debug;
    }

    [LoggerMessage(EventId = 1, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Log(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMilliseconds);
}
