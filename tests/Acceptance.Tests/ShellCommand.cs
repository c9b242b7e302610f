using System.Diagnostics;
using System.Text;

namespace Digest.Acceptance.Tests;

/// <summary>
/// A line typed into a shell at the repository root (<c>bash -c</c>), with the environment a fresh terminal has plus the
/// few variables a run needs. The environment the test runner sets for itself is taken out, so the launch profile decides
/// the environment as it does for a person.
/// </summary>
internal sealed class ShellCommand : IDisposable
{
    private static readonly string[] RunnerVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS"];

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private ShellCommand(Process process) => _process = process;

    /// <summary>Every line the command printed on standard output so far, as it arrives.</summary>
    public event Action<string>? Printed;

    public string Out { get { lock (_out) { return _out.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    public static ShellCommand Start(string line, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Readme.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line);
        foreach (var name in RunnerVariables)
        {
            start.Environment.Remove(name);
        }

        // No MSBuild nodes left running after `dotnet run` has built (or found up to date) the project.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var command = new ShellCommand(new Process { StartInfo = start });
        command._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (command._out)
            {
                command._out.AppendLine(e.Data);
            }

            command.Printed?.Invoke(e.Data);
        };
        command._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (command._error)
                {
                    command._error.AppendLine(e.Data);
                }
            }
        };
        command._process.Start();
        command._process.BeginOutputReadLine();
        command._process.BeginErrorReadLine();
        return command;
    }

    /// <summary>Waits for the command to end; null when it did not within <paramref name="timeout"/> (it is then stopped).</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            // The output readers finish after the process.
            _process.WaitForExit();
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Stop();
            return null;
        }
    }

    /// <summary>Stops the shell, <c>dotnet run</c> and the program it started (the whole tree, not a process found by name).</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
