using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Digest.Infrastructure.Sources.HackerNews;
using Digest.Infrastructure.Sources.Reddit;

namespace Digest.Infrastructure.Sources.Demo;

/// <summary>
/// The sample documents under Demo/Samples and which source address each one stands in for. Samples carry
/// placeholders instead of dates — {{unix:-3h}}, {{iso:-90m}}, {{rfc822:-2d}}, and {{arxiv:01234}} for an arXiv
/// id of the current month — filled in when a sample is served.
/// </summary>
internal static partial class DemoSamples
{
    public static readonly DemoSample RedditMachineLearning = new("reddit-machinelearning.json", "application/json");
    public static readonly DemoSample RedditMachineLearningNews = new("reddit-machinelearningnews.json", "application/json");
    public static readonly DemoSample HackerNewsFrontPage = new("hackernews-front-page.json", "application/json");
    public static readonly DemoSample ArxivMachineLearning = new("arxiv-cs-lg.xml", "application/atom+xml");

    /// <summary>Matched by what the address names rather than its exact form, so the RSS and JSON addresses of a
    /// default source both find its sample.</summary>
    public static DemoSample? For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (RedditListingReader.IsRedditHost(url.Host))
        {
            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var subreddit = segments.Length >= 2 && segments[0] == "r" ? segments[1].ToLowerInvariant() : null;
            return subreddit switch
            {
                "machinelearning" or "machinelearning.json" => RedditMachineLearning,
                "machinelearningnews" or "machinelearningnews.json" => RedditMachineLearningNews,
                _ => null,
            };
        }

        if (HackerNewsReader.IsHackerNewsHost(url.Host) || url.Host.Equals("hnrss.org", StringComparison.OrdinalIgnoreCase))
        {
            return HackerNewsFrontPage;
        }

        if (ArxivId.IsArxivHost(url.Host) && url.OriginalString.Contains("cs.LG", StringComparison.OrdinalIgnoreCase))
        {
            return ArxivMachineLearning;
        }

        return null;
    }

    public static byte[] Render(DemoSample sample, DateTimeOffset now)
    {
        var text = Load(sample.ResourceName);
        text = DatePlaceholder().Replace(text, match =>
        {
            var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var ago = match.Groups["unit"].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            var at = now - ago;
            return match.Groups["format"].Value switch
            {
                "unix" => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "iso" => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                _ => at.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
            };
        });
        text = ArxivPlaceholder().Replace(text, match => $"{now.UtcDateTime:yyMM}.{match.Groups["number"].Value}");
        return Encoding.UTF8.GetBytes(text);
    }

    public static bool Exists(string name) =>
        typeof(DemoSamples).Assembly.GetManifestResourceNames().Any(n => n.EndsWith("Samples." + name, StringComparison.Ordinal));

    private static string Load(string name)
    {
        var assembly = typeof(DemoSamples).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Samples." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(?<format>unix|iso|rfc822):-(?<amount>\d+)(?<unit>[mhd])\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex DatePlaceholder();

    [GeneratedRegex(@"\{\{arxiv:(?<number>\d{5})\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPlaceholder();
}

internal sealed record DemoSample(string ResourceName, string MediaType);
