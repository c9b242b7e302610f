using Digest.Infrastructure.Data;

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
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(DataDirectory, "digest.db")}", DataDirectory);
        var result = await DigestCli.RunAsync(options, arguments);
        return new ProgramResult(result.ExitCode, result.Out, result.Error);
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
}
