using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Digest.Infrastructure.Email;

/// <summary>
/// One open, signed-in connection to the SMTP server (MailKit), reused for many messages. Every fault becomes a
/// <see cref="SendOutcome"/>: what the server said, sorted into what the caller can do about it. After a
/// <see cref="SendOutcome.IsServerProblem"/> outcome the connection is closed; open a new one to go on.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly SmtpClient _client;

    private SmtpConnection(SmtpClient client) => _client = client;

    public bool IsOpen => _client.IsConnected;

    /// <summary>Connects and signs in; <see cref="SmtpUnavailableException"/> says why not.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpSettings smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        Socket? socket = null;
        try
        {
            var host = smtp.Host ?? throw new InvalidOperationException("No SMTP host is configured.");
            // SMTP is short commands and short answers; with Nagle's algorithm on, each one waits for the peer's delayed
            // ACK (about 40 ms on Linux), which caps a connection at a few dozen messages a second.
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(smtp.Timeout);
                await socket.ConnectAsync(host, smtp.Port, connecting.Token);
            }

            await client.ConnectAsync(socket, host, smtp.Port, Map(smtp.Security), cancellationToken);
            if (smtp.User is not null)
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            return new SmtpConnection(client);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            socket?.Dispose();
            throw new SmtpUnavailableException(ConnectFailure(ex, smtp), ex);
        }
    }

    /// <summary>Sends one message to the recipients in its To header. The token is checked before the transaction only:
    /// a message half-sent because a shutdown cut it off would leave its fate unknown.</summary>
    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _client.SendAsync(message, CancellationToken.None);
            return SendOutcome.Success;
        }
        catch (SmtpCommandException ex)
        {
            var outcome = Classify(ex);
            if (outcome.IsServerProblem)
            {
                await CloseQuietlyAsync();
            }

            return outcome;
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException
                                       or OperationCanceledException or ObjectDisposedException)
        {
            await CloseQuietlyAsync();
            return new SendOutcome(SendResult.ConnectionLost, Describe(ex));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException or TimeoutException)
            {
                // The server went away first; nothing is left to say to it.
            }
        }

        _client.Dispose();
    }

    internal static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    internal static SendOutcome Classify(SmtpCommandException ex)
    {
        var code = (int)ex.StatusCode;
        var reason = $"{code} {ex.Message.Trim()}";
        var transient = code is >= 400 and < 500;
        if (code == 421)
        {
            return new SendOutcome(SendResult.ServerBusy, reason);
        }

        return ex.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => new SendOutcome(transient ? SendResult.Deferred : SendResult.RecipientRejected, reason),
            SmtpErrorCode.MessageNotAccepted => new SendOutcome(transient ? SendResult.Deferred : SendResult.MessageRejected, reason),
            SmtpErrorCode.SenderNotAccepted => new SendOutcome(transient ? SendResult.ServerBusy : SendResult.ServerRefused, reason),
            _ => new SendOutcome(transient ? SendResult.ServerBusy : SendResult.ServerRefused, reason),
        };
    }

    private static SendOutcome ConnectFailure(Exception ex, SmtpSettings smtp) => ex switch
    {
        System.Security.Authentication.AuthenticationException or SslHandshakeException => new SendOutcome(SendResult.ServerRefused, $"TLS with {smtp.Host}:{smtp.Port} failed: {ex.Message}"),
        MailKit.Security.AuthenticationException => new SendOutcome(SendResult.ServerRefused, $"{smtp.Host}:{smtp.Port} refused the user name or password: {ex.Message}"),
        NotSupportedException => new SendOutcome(SendResult.ServerRefused, $"{smtp.Host}:{smtp.Port} does not offer what Security={smtp.Security} needs: {ex.Message}"),
        SmtpCommandException command => Classify(command) is { Result: SendResult.ServerBusy } busy ? busy : new SendOutcome(SendResult.ServerRefused, Classify(command).Reason),
        _ => new SendOutcome(SendResult.ConnectionLost, $"could not reach {smtp.Host}:{smtp.Port}: {Describe(ex)}"),
    };

    private static string Describe(Exception ex) => ex switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "host not found",
            SocketError.TimedOut => "timed out",
            _ => socket.Message,
        },
        OperationCanceledException or TimeoutException => "the server did not answer in time",
        _ when ex.InnerException is SocketException inner => Describe(inner),
        _ => ex.Message,
    };

    private async Task CloseQuietlyAsync()
    {
        try
        {
            await _client.DisconnectAsync(quit: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // Already gone.
        }
    }
}
