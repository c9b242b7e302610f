using System.Diagnostics;

namespace Digest.Web.Tests.Import;

/// <summary>What running the real program printed and returned.</summary>
internal sealed record ProgramResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the built Digest.Web.dll as an operator would (<c>dotnet Digest.Web.dll import …</c>) against a SQLite file
/// of its own, configured through the environment like a deployment.
/// </summary>
internal sealed class ProgramRun : IDisposable
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("digest-cli-").FullName;

    public async Task<ProgramResult> RunAsync(params string[] arguments)
    {
        var dll = LocateWebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Digest__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Digest"] = $"Data Source={Path.Combine(DataDirectory, "digest.db")}";
        start.Environment["Digest__DataDirectory"] = DataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ProgramResult(process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleanup.
        }
    }

    /// <summary>src/Web/bin/&lt;configuration&gt;/net10.0/Digest.Web.dll of the same build as these tests.</summary>
    private static string LocateWebDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Web", "bin", configuration, framework, "Digest.Web.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Digest.Web.dll ({configuration}/{framework}) was not found above {AppContext.BaseDirectory}");
    }
}
