using Digest.Web.CommandLine;
using Digest.Web.Hosting;

var invocation = Invocation.Parse(args);
var app = DigestHost.CreateBuilder(invocation).Build();
if (invocation.IsCommand)
{
    return await DigestCommands.RunAsync(app, invocation.CommandArguments);
}

await app.PrepareAsync();
app.UseDigestWeb();
return await app.ServeAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
