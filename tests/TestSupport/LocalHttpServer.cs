using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, for tests that fetch over the network without
/// leaving the machine. Register what each path answers — canned responses (served in order, the last one
/// repeating) or a handler of your own — and read back every request that arrived.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LocalRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private LocalHttpServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Cancelled when the server shuts down; handlers that wait forever should wait on this.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Every request received so far, in order of arrival (including those to paths with no handler, answered 404).</summary>
    public IReadOnlyList<LocalRequest> Requests => [.. _requests];

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var server = new LocalHttpServer(builder.Build());
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    public IReadOnlyList<LocalRequest> RequestsTo(string path) => [.. _requests.Where(r => r.Path == Normalize(path))];

    /// <summary>Answers requests to <paramref name="path"/> (query ignored) with your own code.</summary>
    public LocalHttpServer Map(string path, Func<HttpContext, Task> handler)
    {
        _handlers[Normalize(path)] = handler;
        return this;
    }

    /// <summary>The n-th request to <paramref name="path"/> gets the n-th response; once they run out, the last one repeats.</summary>
    public LocalHttpServer Serve(string path, params LocalResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        var served = -1;
        return Map(path, context =>
        {
            var index = Math.Min(Interlocked.Increment(ref served), responses.Length - 1);
            return WriteAsync(context, responses[index]);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new LocalRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", headers, DateTimeOffset.UtcNow));
        if (_handlers.TryGetValue(Normalize(context.Request.Path.Value ?? "/"), out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task WriteAsync(HttpContext context, LocalResponse response)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, linked.Token);
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (response.ContentType is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            if (response.Body.Length > 0)
            {
                context.Response.ContentLength = response.Body.Length;
                await context.Response.Body.WriteAsync(response.Body, linked.Token);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nothing left to answer.
        }
    }

    private static string Normalize(string path) => "/" + path.Split('?', 2)[0].TrimStart('/');
}

/// <summary>A canned answer, sent with its Content-Length after an optional delay.</summary>
public sealed record LocalResponse
{
    public int Status { get; init; } = 200;
    public string? ContentType { get; init; }
    public byte[] Body { get; init; } = [];
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public TimeSpan Delay { get; init; }

    public static LocalResponse Text(string body, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        new() { Status = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(body) };

    public static LocalResponse Bytes(byte[] body, string? contentType, int status = 200) =>
        new() { Status = status, ContentType = contentType, Body = body };

    public static LocalResponse File(string path, string contentType) => Bytes(System.IO.File.ReadAllBytes(path), contentType);

    public static LocalResponse Code(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        new() { Status = (int)status, Headers = headers.ToDictionary(h => h.Name, h => h.Value) };

    public static LocalResponse Redirect(string location, int status = 302) =>
        new() { Status = status, Headers = new Dictionary<string, string> { ["Location"] = location } };

    public LocalResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}

/// <summary>A request as the server saw it. Header names are case-insensitive.</summary>
public sealed record LocalRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt);
