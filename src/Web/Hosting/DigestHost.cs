using Digest.Infrastructure;
using Digest.Web.CommandLine;

namespace Digest.Web.Hosting;

/// <summary>
/// The two hosts of the one program: the site, and the verb host that runs one command and exits. Each registers a
/// complete set of services, so each passes the container's build-time validation that Development switches on
/// (<c>dotnet run</c> runs under the Development launch profile): nothing registered for a verb may depend on a
/// service only the site adds.
/// </summary>
public static class DigestHost
{
    public static WebApplicationBuilder CreateBuilder(Invocation invocation, string? environmentName = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        // The slim builder leaves out what Digest never uses (IIS hosting, HTTP/3 over QUIC, the debugger's log window),
        // which the full one loads into every process; what the site does use of the rest is added back (ADR 0043).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = invocation.HostArguments, EnvironmentName = environmentName });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Services.AddRouting();
        builder.Logging.AddEventSourceLogger();
        builder.AddInfrastructure(runJobs: !invocation.IsCommand);
        builder.AddDigestIdentity();
        if (invocation.IsCommand)
        {
            // A verb prints its own results on stdout; only warnings and errors are logged, on stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        }
        else
        {
            // Run from a build (not a publish), the compressed static assets live in obj/; the manifest that maps them
            // is read only in Development unless asked for. A published app has no manifest, so this is a no-op there.
            builder.WebHost.UseStaticWebAssets();
            builder.AddDigestWeb();
        }

        return builder;
    }

    /// <summary>Runs the site until it is stopped. A port another program holds (the README's 5080 included) is a
    /// one-line reason and exit code 1, not a stack trace.</summary>
    public static async Task<int> ServeAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message} Another program (another Digest?) is using that port: stop it, or choose another port, e.g. --urls http://localhost:5081");
            return 1;
        }
    }
}
