using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Digest.TestSupport;

/// <summary>One message the server accepted: the envelope's recipients and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message, DateTimeOffset At);

/// <summary>A recipient the client asked for (RCPT TO), with the number of RCPTs the server has seen before it.</summary>
public sealed record RecipientRequest(string Address, int Index);

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, for tests that send through MailKit without
/// leaving the machine. It keeps every message it accepts, and can be told how to misbehave: answer any code to a
/// recipient or to the message, close the connection, be slow, or hold a reply until the test lets it go.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _recipients;

    private LocalSmtpServer(string? user, string? password, TaskCompletionSource<int> port)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .MaxRetryCount(100_000)
            .CommandWaitTimeout(TimeSpan.FromMinutes(2))
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (user is not null)
                {
                    endpoint.AllowUnsecureAuthentication().AuthenticationRequired();
                }
            })
            .Build();
        var listeners = new NoDelayEndpoints();
        listeners.Started += (_, p) => port.TrySetResult(p);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new Users(user, password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stopping.Token);
    }

    public int Port { get; private set; }

    /// <summary>Called for each RCPT TO. Throw <see cref="Reply"/> to answer with a code, <see cref="Drop"/> to close the
    /// connection without a word; await something to be slow. Returning normally accepts the recipient.</summary>
    public Func<RecipientRequest, Task>? OnRecipient { get; set; }

    /// <summary>Called when a message's data has arrived; return a response to refuse it (e.g. 554), null to accept it.</summary>
    public Func<MimeMessage, SmtpResponse?>? OnMessage { get; set; }

    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>How many RCPT TO commands arrived, accepted or not.</summary>
    public int RecipientRequests => Volatile.Read(ref _recipients);

    public static async Task<LocalSmtpServer> StartAsync(string? user = null, string? password = null)
    {
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new LocalSmtpServer(user, password, port);
        server.Port = await port.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public int CountFor(string address) => _messages.Count(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase));

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted.</summary>
    public async Task WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (_messages.Count < count)
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The SMTP server got {_messages.Count} message(s) in {timeout}, not {count}.");
            }
        }
    }

    /// <summary>An answer with any code; <paramref name="close"/> closes the connection after it (as 421 does).</summary>
    public static Exception Reply(int code, string text, bool close = false) =>
        new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, text), close);

    /// <summary>Closes the connection at once, with no reply.</summary>
    public static Exception Drop() => new IOException("the test SMTP server drops the connection");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopped, or a session hung in a test's hook: the process ends it.
        }

        _stopping.Dispose();
    }

    private sealed class Store(LocalSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            if (server.OnMessage?.Invoke(message) is { } refusal)
            {
                return Task.FromResult(refusal);
            }

            server._messages.Enqueue(new ReceivedMail(transaction.From.AsAddress(), [.. transaction.To.Select(t => t.AsAddress())], message, DateTimeOffset.UtcNow));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(LocalSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref server._recipients) - 1;
            if (server.OnRecipient is { } hook)
            {
                await hook(new RecipientRequest(to.AsAddress(), index));
            }

            return true;
        }
    }

    private sealed class Users(string? user, string? password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string name, string secret, CancellationToken cancellationToken) =>
            Task.FromResult(user is null || (name == user && secret == password));
    }
}
