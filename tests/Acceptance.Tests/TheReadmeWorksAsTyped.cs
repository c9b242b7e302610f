using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Digest.Acceptance.Tests;

/// <summary>
/// README.md is a promise: every <c>dotnet run --project src/Web -- …</c> line of its shell blocks is typed at the
/// repository root exactly as written — the launch profile and its Development environment included — with only the
/// placeholders a reader would fill in replaced (<see cref="ReadmeExamples"/>), one after another against one throwaway
/// data directory. Each must exit 0 and print what it did; the site itself must answer on the address it prints.
/// </summary>
[TestCaseOrderer(ReadmeOrder.TypeName, ReadmeOrder.AssemblyName)]
public sealed partial class TheReadmeWorksAsTyped(ReadmeRun run, ITestOutputHelper output) : IClassFixture<ReadmeRun>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private const string Examples = "tests/Acceptance.Tests/ReadmeExamples.cs";

    public static TheoryData<int, string> CommandLines()
    {
        var lines = new TheoryData<int, string>();
        foreach (var line in Readme.CommandLines().Where(l => l.RunsDigest))
        {
            lines.Add(line.Number, line.Text);
        }

        return lines;
    }

    [Fact]
    public void Every_command_line_has_a_working_example()
    {
        var lines = Readme.CommandLines();
        var problems = new List<string>();
        foreach (var line in lines.Where(l => l.RunsDigest))
        {
            if (!ReadmeExamples.Verbs.ContainsKey(line.Verb))
            {
                problems.Add($"{line} runs the verb \"{line.Verb}\", which {Examples} does not know. Add to Verbs: " +
                    $"[\"{line.Verb}\"] = new(\"<text it prints when it worked>\"), with Demo: true if it would read the internet.");
            }

            if (ReadmeRun.PlaceholderIn(run.Type(line.Text)) is { } placeholder)
            {
                problems.Add($"{line} still holds the placeholder \"{placeholder}\" when typed. Add to Substitutions in {Examples}: " +
                    $"(\"{placeholder}\", \"<what the suite types instead>\").");
            }
        }

        var verbs = lines.Where(l => l.RunsDigest).Select(l => l.Verb).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ReadmeExamples.Verbs.Keys.Where(v => !verbs.Contains(v))
            .Select(v => $"{Examples} has a row for the verb \"{v}\", which README.md no longer runs: remove the row (or put the example back in the README)."));
        problems.AddRange(ReadmeExamples.Substitutions.Where(s => !lines.Any(l => l.Text.Contains(s.InReadme, StringComparison.Ordinal)))
            .Select(s => $"{Examples} substitutes \"{s.InReadme}\", which no README line contains any more: remove the row."));
        problems.AddRange(lines.Where(l => !l.RunsDigest && l.Text.StartsWith("dotnet ", StringComparison.Ordinal))
            .Select(l => $"{l} runs dotnet without \"{Readme.Prefix}\": the suite cannot type it; write it as {Readme.Prefix} <verb>."));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(lines, l => l.RunsDigest && l.Verb.Length == 0);
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task The_command_works_as_typed(int line, string command)
    {
        var readme = new ReadmeLine(line, command);
        var expectation = ReadmeExamples.Verbs.GetValueOrDefault(readme.Verb)
            ?? throw new Xunit.Sdk.XunitException($"{readme}: no row for \"{readme.Verb}\" in {Examples} (see Every_command_line_has_a_working_example).");
        var typed = run.Type(command);
        var clock = Stopwatch.StartNew();
        if (readme.Verb.Length == 0)
        {
            await ServesTheSiteAsync(readme, typed, expectation);
        }
        else
        {
            using var shell = ShellCommand.Start(typed, run.Environment(expectation));
            var exit = await shell.ExitCodeAsync(CommandTimeout);
            var said = $"{readme}\ntyped: {typed}\nexit: {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: stopped after " + CommandTimeout}\nstdout:\n{shell.Out}\nstderr:\n{shell.Error}";
            Assert.True(exit == 0, said);
            Assert.True(shell.Out.Contains(expectation.Prints, StringComparison.Ordinal), $"expected \"{expectation.Prints}\" in the output.\n{said}");
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s  {typed}");
    }

    /// <summary>
    /// The run command starts the site and prints where it listens. Under <c>dotnet run</c> the launch profile's
    /// applicationUrl (port 5080) overrides ASPNETCORE_URLS, and other test runs on this machine may hold 5080: the
    /// suite gives Kestrel an endpoint of its own on a free port (Kestrel__Endpoints__Http__Url), which takes precedence
    /// over the profile's address, and then follows the address the site advertises.
    /// </summary>
    private async Task ServesTheSiteAsync(ReadmeLine readme, string typed, Expectation expectation)
    {
        var environment = new Dictionary<string, string>(run.Environment(expectation)) { ["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0" };
        using var shell = ShellCommand.Start(typed, environment);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        shell.Printed += text =>
        {
            if (ListeningOn().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        var ended = shell.ExitCodeAsync(CommandTimeout);
        var first = await Task.WhenAny(listening.Task, ended);
        Assert.True(first == listening.Task, $"{readme}\ntyped: {typed}\nThe site never said where it listens.\nstdout:\n{shell.Out}\nstderr:\n{shell.Error}");
        var address = await listening.Task;

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        var home = await client.GetAsync("/");
        Assert.True(home.StatusCode == HttpStatusCode.OK, $"GET {address} answered {(int)home.StatusCode}\n{shell.Out}\n{shell.Error}");
        // "Then open /admin: the first visit asks you to create the owner account."
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/setup", admin.Headers.Location?.OriginalString);
        Assert.Contains("Public name", await client.GetStringAsync("/setup"), StringComparison.Ordinal);
        var rss = await client.GetAsync("/index.xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType?.MediaType);
        shell.Stop();
    }

    [GeneratedRegex(@"Now listening on: (?<url>https?://\S+)")]
    private static partial Regex ListeningOn();
}
