namespace Digest.Web.CommandLine;

/// <summary>
/// One program serves the site and is the operator's command line: a first argument that is not an option is a verb
/// (<c>migrate</c>, <c>users</c>, …; the verbs themselves are declared once, in <see cref="DigestCommands"/>), so a
/// mistyped verb is an error rather than a running site. Options alone (<c>--urls …</c>) start the site.
/// <c>--demo</c> is short for <c>--Digest:Demo=true</c> in both.
/// </summary>
public sealed record Invocation(bool IsCommand, string[] HostArguments, string[] CommandArguments)
{
    private static readonly string[] HelpOptions = ["--help", "-h", "-?"];

    public static Invocation Parse(string[] args)
    {
        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--demo").ToArray();
        var isCommand = rest.Length > 0 && (!rest[0].StartsWith('-') || HelpOptions.Contains(rest[0]));
        var hostArguments = demo ? ["--Digest:Demo=true"] : Array.Empty<string>();
        return isCommand
            ? new Invocation(true, hostArguments, rest)
            : new Invocation(false, [.. hostArguments, .. rest], []);
    }
}
