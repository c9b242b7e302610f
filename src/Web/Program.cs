using Digest.Infrastructure;
using Digest.Web.CommandLine;
using Digest.Web.Hosting;

var invocation = Invocation.Parse(args);
var builder = WebApplication.CreateBuilder(invocation.HostArguments);
builder.AddInfrastructure(runJobs: !invocation.IsCommand);
if (invocation.IsCommand)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}
else
{
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
