using System.Diagnostics;
using Digest.Infrastructure.Data;

namespace Digest.TestSupport.Instances;

/// <summary>Runs one verb of the real program (<c>dotnet Digest.Web.dll users add …</c>) against a database, as an operator would.</summary>
public static class ProgramCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string app, DatabaseOptions database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Digest__Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Digest"] = database.ConnectionString;
        start.Environment["Digest__DataDirectory"] = database.DataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
