using Digest.Infrastructure.Data;
using Digest.Web.CommandLine;
using Digest.Web.Hosting;
using Microsoft.Extensions.Hosting;

namespace Digest.Web.Tests.Hosting;

/// <summary>
/// <c>dotnet run --project src/Web -- …</c> runs under the Development launch profile, where the container checks every
/// registration when the host is built. The site and the verb host are built here the same way, with both checks on,
/// for each database provider: a service one of them registers but cannot construct fails here, not on an operator.
/// </summary>
public sealed class BothHostsPassTheContainersChecksInDevelopment : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("digest-hosts-");

    public static TheoryData<string[], DatabaseProvider> Hosts => new()
    {
        { [], DatabaseProvider.Sqlite },
        { [], DatabaseProvider.Postgres },
        { ["migrate"], DatabaseProvider.Sqlite },
        { ["sources", "list"], DatabaseProvider.Postgres },
        { ["users", "add"], DatabaseProvider.Sqlite },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task The_host_builds_with_ValidateOnBuild_and_ValidateScopes(string[] verb, DatabaseProvider provider)
    {
        string[] settings =
        [
            $"--Digest:DataDirectory={_data.FullName}",
            $"--Digest:Database:Provider={provider}",
            // Never opened: building the host connects to nothing.
            .. provider == DatabaseProvider.Postgres ? ["--ConnectionStrings:Digest=Host=127.0.0.1;Port=1;Database=never_opened"] : Array.Empty<string>(),
        ];
        var parsed = Invocation.Parse(verb);
        var invocation = parsed with { HostArguments = [.. parsed.HostArguments, .. settings] };
        var builder = DigestHost.CreateBuilder(invocation, Environments.Development);
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });

        // Throws an AggregateException naming every service that cannot be constructed.
        await using var app = builder.Build();

        Assert.True(app.Environment.IsDevelopment());
        Assert.Equal(verb.Length > 0, invocation.IsCommand);
    }

    public void Dispose() => _data.Delete(recursive: true);
}
