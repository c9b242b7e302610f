using Digest.Infrastructure;
using Digest.Web.CommandLine;
using Digest.Web.Hosting;

var invocation = Invocation.Parse(args);
var builder = WebApplication.CreateBuilder(invocation.HostArguments);
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

var app = builder.Build();
if (invocation.IsCommand)
{
    return await DigestCommands.RunAsync(app, invocation.CommandArguments);
}

await app.PrepareAsync();
app.UseDigestWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
