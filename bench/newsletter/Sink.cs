using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Digest.Bench.Newsletter;

/// <summary>
/// The SMTP sink, run as a process of its own (<c>--sink</c>) so the benchmark's memory figure is Digest's alone. It
/// accepts everything, keeps only a count per recipient, prints its port, and on a line "count" on stdin prints
/// "messages recipients duplicates".
/// </summary>
internal static class Sink
{
    public static async Task<int> RunAsync()
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var port = new TaskCompletionSource<int>();
        var listeners = new Digest.TestSupport.NoDelayEndpoints();
        listeners.Started += (_, p) => port.TrySetResult(p);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CountingStore(counts));
        var options = new SmtpServerOptionsBuilder().ServerName("sink").MaxRetryCount(1_000_000)
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var server = new SmtpServer.SmtpServer(options, services);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        Console.WriteLine($"port {await port.Task}");
        while (Console.ReadLine() is { } line)
        {
            if (line == "count")
            {
                Console.WriteLine($"{counts.Values.Sum()} {counts.Count} {counts.Values.Count(c => c > 1)}");
            }
            else if (line == "reset")
            {
                counts.Clear();
                Console.WriteLine("ok");
            }
        }

        await stop.CancelAsync();
        server.Shutdown();
        await Task.WhenAny(running, Task.Delay(2000));
        return 0;
    }

    private sealed class CountingStore(ConcurrentDictionary<string, int> counts) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To)
            {
                counts.AddOrUpdate($"{to.User}@{to.Host}", 1, (_, n) => n + 1);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
