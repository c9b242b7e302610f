using System.Diagnostics;
using Digest.Infrastructure.Data;
using Digest.TestSupport;

namespace Digest.Web.Tests;

/// <summary>Runs the real program as an operator would (<c>dotnet Digest.Web.dll &lt;verb&gt;</c>) against a test database.</summary>
internal static class DigestCli
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
    }

    public static Task<Result> RunAsync(TestDatabase database, params string[] args) => RunAsync(database.Options, args);

    public static async Task<Result> RunAsync(DatabaseOptions database, params string[] args)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Digest__Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Digest"] = database.ConnectionString;
        start.Environment["Digest__DataDirectory"] = database.DataDirectory;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
