namespace Digest.Acceptance.Tests;

/// <summary>
/// How the acceptance suite types each command line of README.md. The README is run literally; only the placeholders a
/// reader would replace are replaced, by the rows of <see cref="Substitutions"/>, and each verb must have a row in
/// <see cref="Verbs"/> saying what it prints when it worked. A README line whose verb has no row, or that still holds a
/// placeholder after substitution, fails the suite with a message saying which row to add here.
/// </summary>
internal static class ReadmeExamples
{
    /// <summary>Text as the README writes it → what the suite types instead. Values in braces are filled per run
    /// (<see cref="ReadmeRun.Fill"/>): {feed} a feed served on 127.0.0.1, {hugo-posts} a folder of the old blog's posts
    /// (the seed archive), {export} an empty folder, {hugo-site} the old blog's site root (hugo.toml and the seed archive in content/posts), {work} the run's own folder (files a command writes stay out of the repository). Add a row when a README line gains a placeholder.</summary>
    public static readonly IReadOnlyList<(string InReadme, string Typed)> Substitutions =
    [
        ("'…'", "'a readme passphrase'"),
        ("https://example.com/feed.xml", "{feed}"),
        ("../old-blog/content/posts", "{hugo-posts}"),
        ("../old-blog", "{hugo-site}"),
        ("./hugo-posts", "{export}"),
        ("[--override \"reason\"]", "--override \"README walk-through: the offline draft keeps its quotes\""),
        ("[--no-email]", "--no-email"),
        ("subscribers.csv", "{work}/subscribers.csv"),
    ];

    /// <summary>Each README verb → what it prints when it worked; <c>Demo</c> runs it with Digest__Demo=true because it would
    /// read the internet. "" is the site itself (<c>-- --demo</c>), which the suite starts and asks over HTTP instead.
    /// Add a row when the README gains a verb.</summary>
    public static readonly IReadOnlyDictionary<string, Expectation> Verbs = new Dictionary<string, Expectation>(StringComparer.Ordinal)
    {
        [""] = new("Now listening on:"),
        ["migrate"] = new("The Sqlite database is up to date."),
        ["users add"] = new("Created Editor ada@example.com, shown to readers as"),
        ["users set-password"] = new("ada@example.com has a new password"),
        ["users delete"] = new("ada@example.com was deleted"),
        ["sources list"] = new("source(s)"),
        ["sources add"] = new("source \"Example\""),
        ["sources test"] = new("nothing was stored"),
        ["ingest"] = new("sources read", Demo: true),
        ["generate"] = new("written by offline (no model)", Demo: true),
        ["posts list"] = new("2026-11-26-ai-digest"),
        ["posts publish"] = new("Published 2026-11-26-ai-digest at"),
        ["import"] = new("imported"),
        ["export"] = new("Exported"),
        ["subscribers list"] = new("subscriber(s)"),
        ["subscribers export"] = new("Exported 2 subscriber(s) to"),
        ["subscribers import"] = new("2 added"),
        ["subscribers remove"] = new("Removed reader@example.com"),
        ["newsletter status"] = new("2026-11-26-ai-digest:"),
    };

    /// <summary>Patterns of placeholders a reader must replace (an ellipsis, &lt;angle brackets&gt;, [optional parts], an
    /// example.com address to fetch, a relative path); one left in a typed line means a missing substitution.</summary>
    public static readonly IReadOnlyList<string> PlaceholderPatterns =
    [
        "…", "<[^>]*>", @"\[--", @"https?://[^\s'""]*example\.(com|org|net)", @"(^|\s)\.{1,2}/\S*",
    ];
}

/// <param name="Prints">Text the command's standard output must contain.</param>
/// <param name="Demo">Run with Digest__Demo=true: the command would read the internet, which tests never do.</param>
public sealed record Expectation(string Prints, bool Demo = false);
