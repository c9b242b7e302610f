using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Digest.TestSupport;

/// <summary>
/// The SmtpServer package's listener with Nagle's algorithm off on every accepted connection: its replies are several
/// small writes, and with Nagle on each waits for the client's delayed ACK (about 40 ms on Linux), which would make a
/// local server look like a slow remote one. No TLS (tests and the benchmark speak plain SMTP on 127.0.0.1).
/// </summary>
public sealed class NoDelayEndpoints : IEndpointListenerFactory
{
    public event EventHandler<int>? Started;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        ArgumentNullException.ThrowIfNull(endpointDefinition);
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        Started?.Invoke(this, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe : ISecurableDuplexPipe
    {
        private readonly TcpClient _client;

        public Pipe(TcpClient client)
        {
            _client = client;
            var stream = client.GetStream();
            Input = PipeReader.Create(stream);
            Output = PipeWriter.Create(stream);
        }

        public PipeReader Input { get; }

        public PipeWriter Output { get; }

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This test server speaks plain SMTP only.");

        public void Dispose() => _client.Dispose();
    }
}
