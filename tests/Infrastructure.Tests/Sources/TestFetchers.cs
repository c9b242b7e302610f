using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Builds the fetcher the way the app does, through AddSourceFetching and configuration.</summary>
internal static class TestFetchers
{
    public static ISourceFetcher Create(
        bool allowPrivateNetworks = true,
        double timeoutSeconds = 10,
        long? maxBodyBytes = null,
        bool demo = false,
        TimeProvider? time = null,
        int? maxRedirects = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Sources:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Digest:Sources:Timeout"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Demo"] = demo ? "true" : "false",
        };
        if (maxBodyBytes is { } max)
        {
            settings["Digest:Sources:MaxBodyBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (maxRedirects is { } redirects)
        {
            settings["Digest:Sources:MaxRedirects"] = redirects.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSourceFetching(configuration);
        return services.BuildServiceProvider().GetRequiredService<ISourceFetcher>();
    }

    public static Source Source(Uri url, SourceKind kind = SourceKind.Feed, string name = "test source") => new(name, url, kind);
}
