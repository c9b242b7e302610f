namespace Digest.Web.CommandLine;

/// <summary>
/// One program serves the site and is the operator's command line: a first argument that is a verb
/// (<c>migrate</c>, <c>users</c>, …) runs that verb and exits; anything else starts the site.
/// <c>--demo</c> is short for <c>--Digest:Demo=true</c> in both.
/// </summary>
public sealed record Invocation(bool IsCommand, string[] HostArguments, string[] CommandArguments)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "migrate", "users", "sources", "ingest", "generate", "posts", "import", "export", "bench-seed", "help", "--help", "-h", "-?",
    };

    public static Invocation Parse(string[] args)
    {
        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--demo").ToArray();
        // Anything that is not an option is taken as a verb, so a mistyped verb is an error rather than a running site.
        var isCommand = rest.Length > 0 && (Verbs.Contains(rest[0]) || !rest[0].StartsWith('-'));
        var hostArguments = demo ? ["--Digest:Demo=true"] : Array.Empty<string>();
        return isCommand
            ? new Invocation(true, hostArguments, rest)
            : new Invocation(false, [.. hostArguments, .. rest], []);
    }
}
