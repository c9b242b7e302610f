using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Digest.Infrastructure.Data;

namespace Digest.TestSupport.Instances;

/// <summary>
/// The real program as an operator runs it (<c>dotnet Digest.Web.dll --urls …</c>, Production, configured through
/// the environment), on a free port of 127.0.0.1. Disposing stops it; <see cref="Kill"/> ends it the hard way.
/// </summary>
public sealed class RunningInstance : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly ConcurrentQueue<string> _output = new();
    private Process _process = default!;

    private RunningInstance(string name, ProcessStartInfo start, Uri address)
    {
        Name = name;
        _start = start;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <param name="app">The built Digest.Web.dll (<c>typeof(Program).Assembly.Location</c> in a test project).</param>
    public static async Task<RunningInstance> StartAsync(string app, string name, DatabaseOptions database, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Digest__Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Digest"] = database.ConnectionString;
        start.Environment["Digest__DataDirectory"] = database.DataDirectory;
        start.Environment["Digest__Sources__AllowPrivateNetworks"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var instance = new RunningInstance(name, start, new Uri($"http://127.0.0.1:{port}/"));
        await instance.RunAsync();
        return instance;
    }

    /// <summary>Starts the program again, same settings, same port (after <see cref="Kill"/>).</summary>
    public async Task RestartAsync()
    {
        Kill();
        _process.Dispose();
        Keep($"---- {Name} restarted ----");
        await RunAsync();
    }

    private async Task RunAsync()
    {
        _process = Process.Start(_start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilLiveAsync();
    }

    /// <summary>kill -9: no shutdown, no cleanup, whatever it was doing is left as it was.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 2000 && _output.TryDequeue(out _))
            {
            }
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/healthz/live")).StatusCode == HttpStatusCode.OK)
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
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not answer /healthz/live within two minutes:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
