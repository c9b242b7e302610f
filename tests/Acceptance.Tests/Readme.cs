using System.Text.RegularExpressions;

namespace Digest.Acceptance.Tests;

/// <summary>The repository's README.md, and the command lines of its fenced <c>sh</c> blocks, in the order they appear.</summary>
internal static partial class Readme
{
    public const string Prefix = "dotnet run --project src/Web --";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the README's commands are typed there.</summary>
    public static string Directory => Root.Value;

    public static IReadOnlyList<ReadmeLine> CommandLines()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, "README.md"));
        var found = new List<ReadmeLine>();
        var inShell = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && ShellFence().IsMatch(line);
                continue;
            }

            if (inShell && line.Length > 0 && !line.StartsWith('#'))
            {
                found.Add(new ReadmeLine(i + 1, line));
            }
        }

        return found;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Digest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No README.md with Digest.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(sh|bash|shell|console)\s*$")]
    private static partial Regex ShellFence();
}

/// <summary>One command line of the README, as written, and where.</summary>
internal sealed record ReadmeLine(int Number, string Text)
{
    public bool RunsDigest => Text.StartsWith(Readme.Prefix, StringComparison.Ordinal);

    /// <summary>The words after <c>--</c> up to the first option or argument that is not a verb: "users add", "posts publish",
    /// "" for the site itself (options only, e.g. <c>--demo</c>).</summary>
    public string Verb
    {
        get
        {
            var words = Text[Readme.Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var verb = words.TakeWhile(w => !w.StartsWith('-')).Take(2).ToList();
            // A second word is part of the verb only when it is a sub-command (lower-case letters), not an argument.
            if (verb.Count == 2 && !Regex.IsMatch(verb[1], "^[a-z]+(-[a-z]+)*$"))
            {
                verb.RemoveAt(1);
            }

            return string.Join(' ', verb);
        }
    }

    public override string ToString() => $"README.md line {Number}: {Text}";
}
