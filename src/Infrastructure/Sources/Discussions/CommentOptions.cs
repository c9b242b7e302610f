using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Sources.Discussions;

/// <summary>
/// How much of a discussion is read for a topic, from <c>Digest:Sources:Comments</c>. Comments are fetched through
/// the same polite downloader as sources (size limit, timeout, per-host limit, no private addresses unless allowed).
/// </summary>
public sealed record CommentOptions
{
    public const string SectionName = "Digest:Sources:Comments";

    /// <summary>False: no discussion is read; the writer gets the item's own text only.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Top-level comments kept per discussion, best first.</summary>
    public int MaxComments { get; init; } = 8;

    /// <summary>Characters kept of one comment; a longer one is cut at a word and marked with an ellipsis.</summary>
    public int MaxCommentLength { get; init; } = 800;

    /// <summary>Characters of comments kept per discussion in all; comments past it are left out.</summary>
    public int MaxThreadLength { get; init; } = 5_000;

    /// <summary>How long reading all the discussions of a draft may take; what is not read by then is left out.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where Reddit's comment JSON is read: a thread's path is appended (tests point it at 127.0.0.1).</summary>
    public Uri RedditBase { get; init; } = new("https://www.reddit.com/");

    /// <summary>The Hacker News item API (Firebase): <c>item/&lt;id&gt;.json</c> is appended.</summary>
    public Uri HackerNewsApi { get; init; } = new("https://hacker-news.firebaseio.com/v0/");

    public static CommentOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var defaults = new CommentOptions();
        return new CommentOptions
        {
            Enabled = !bool.TryParse(section["Enabled"], out var enabled) || enabled,
            MaxComments = Whole(section["MaxComments"], 0, 50) ?? defaults.MaxComments,
            MaxCommentLength = Whole(section["MaxCommentLength"], 50, 10_000) ?? defaults.MaxCommentLength,
            MaxThreadLength = Whole(section["MaxThreadLength"], 100, 50_000) ?? defaults.MaxThreadLength,
            MaxWait = double.TryParse(section["MaxWait"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : defaults.MaxWait,
            RedditBase = Address(section["RedditBase"]) ?? defaults.RedditBase,
            HackerNewsApi = Address(section["HackerNewsApi"]) ?? defaults.HackerNewsApi,
        };
    }

    private static int? Whole(string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    // A base address must end in a slash, or Uri would drop its last segment when a path is appended.
    private static Uri? Address(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
            : null;
}
