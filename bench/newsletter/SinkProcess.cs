using System.Diagnostics;
using System.Globalization;

namespace Digest.Bench.Newsletter;

/// <summary>This program started again with <c>--sink</c>, talked to over stdin/stdout.</summary>
internal sealed class SinkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SinkProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SinkProcess> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var entry = typeof(SinkProcess).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("--sink");
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sink did not start.");
        return new SinkProcess(process, int.Parse(line["port ".Length..], CultureInfo.InvariantCulture));
    }

    public async Task<(int Messages, int Recipients, int Duplicates)> CountAsync()
    {
        await _process.StandardInput.WriteLineAsync("count");
        var parts = (await _process.StandardOutput.ReadLineAsync())!.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public async Task ResetAsync()
    {
        await _process.StandardInput.WriteLineAsync("reset");
        await _process.StandardOutput.ReadLineAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!await Task.Run(() => _process.WaitForExit(5000)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
