using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Digest.Infrastructure.Data;

namespace Digest.Web.Tests.Newsletter;

/// <summary>
/// The real program serving the site in a process of its own (<c>dotnet Digest.Web.dll --urls …</c>, job server on,
/// Hangfire's storage in that process's memory as with SQLite), so a test can kill it as a crash would: SIGKILL, no
/// shutdown code runs.
/// </summary>
internal sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiteProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<SiteProcess> StartAsync(DatabaseOptions database, IReadOnlyDictionary<string, string> settings)
    {
        var app = typeof(Program).Assembly.Location;
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.AbsoluteUri.TrimEnd('/'));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Digest__Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Digest"] = database.ConnectionString;
        start.Environment["Digest__DataDirectory"] = database.DataDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var site = new SiteProcess(Process.Start(start)!, address);
        await site.WaitUntilHealthyAsync();
        return site;
    }

    /// <summary>SIGKILL: the process ends mid-whatever, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The site did not become healthy in a minute:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
