using Digest.Infrastructure.Data;
using Digest.TestSupport;

namespace Digest.Web.Tests.CommandLine;

/// <summary>The operator's verbs through the real program: exit 0 and what was done, or non-zero and one line saying why.</summary>
[Collection(ProgramsCollection.Name)]
public sealed class OperatorCommandTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    // A migrated copy: each verb would otherwise start by migrating; the first test below starts from nothing.
    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_prepares_an_empty_database_and_lists_the_default_sources()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var migrate = await DigestCli.RunAsync(empty, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Equal("The Sqlite database is up to date.", migrate.Out.Trim());

        var sources = await DigestCli.RunAsync(empty, "sources", "list");
        Assert.Equal(0, sources.ExitCode);
        Assert.Contains("r/MachineLearning", sources.Out, StringComparison.Ordinal);
        Assert.Contains("arXiv cs.LG", sources.Out, StringComparison.Ordinal);
        Assert.Contains("4 source(s)", sources.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_are_added_with_a_role_and_a_public_name_and_bad_input_is_refused_in_one_line()
    {
        var added = await DigestCli.RunAsync(_database, "users", "add", "--email", "ada@example.com", "--name", " Ada  Lovelace ", "--password", "correct horse battery", "--role", "Editor");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("Created Editor ada@example.com, shown to readers as \"Ada Lovelace\".", added.Out.Trim());

        var again = await DigestCli.RunAsync(_database, "users", "add", "--email", "ada@example.com", "--name", "Ada", "--password", "correct horse battery");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already taken", again.Error, StringComparison.Ordinal);

        var weak = await DigestCli.RunAsync(_database, "users", "add", "--email", "bob@example.com", "--name", "Bob", "--password", "short");
        Assert.Equal(1, weak.ExitCode);
        Assert.Equal("error: Passwords must be at least 10 characters.", weak.Error.Trim());

        var nameless = await DigestCli.RunAsync(_database, "users", "add", "--email", "bob@example.com", "--password", "correct horse battery");
        Assert.NotEqual(0, nameless.ExitCode);
        Assert.Contains("--name", nameless.Error, StringComparison.Ordinal);

        var address = await DigestCli.RunAsync(_database, "users", "add", "--email", "bob@example.com", "--name", "bob@example.com", "--password", "correct horse battery");
        Assert.Equal(1, address.ExitCode);
        Assert.Equal("error: A public name must not be an email address: readers see it on every post this account approves.", address.Error.Trim());
    }

    [Fact]
    public async Task A_demo_generation_makes_one_draft_that_publishes_only_with_a_reason()
    {
        var generated = await DigestCli.RunAsync(_database, "--demo", "generate", "--date", "2026-11-26");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Contains("Draft 2026-11-26-ai-digest for 2026-11-26 written by offline (no model).", generated.Out, StringComparison.Ordinal);
        Assert.Contains("ok   r/MachineLearning", generated.Out, StringComparison.Ordinal);

        var twice = await DigestCli.RunAsync(_database, "--demo", "generate", "--date", "2026-11-26");
        Assert.Equal(0, twice.ExitCode);
        Assert.Contains("already exists", twice.Out, StringComparison.Ordinal);

        var list = await DigestCli.RunAsync(_database, "posts", "list", "--status", "Draft");
        Assert.Contains("2026-11-26-ai-digest", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 post(s)", list.Out, StringComparison.Ordinal);

        var refused = await DigestCli.RunAsync(_database, "posts", "publish", "2026-11-26-ai-digest");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cannot be published yet: topic 1 has no Benefits or Ramifications", refused.Error, StringComparison.Ordinal);
        Assert.Contains("topic 1: the summary is the writer's quote of", refused.Error, StringComparison.Ordinal);

        var published = await DigestCli.RunAsync(_database, "posts", "publish", "2026-11-26-ai-digest", "--override", "demo");
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.StartsWith("Published 2026-11-26-ai-digest at ", published.Out, StringComparison.Ordinal);
        Assert.Contains("Published", (await DigestCli.RunAsync(_database, "posts", "list", "--status", "Published")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "generate", "--date", "2026-13-01" }, "is not a date in the form yyyy-MM-dd")]
    [InlineData(new[] { "posts", "publish", "no-such-post" }, "No post \"no-such-post\"")]
    [InlineData(new[] { "sources", "add", "--url", "ftp://example.com/feed" }, "is not an absolute http or https address")]
    [InlineData(new[] { "sources", "add", "--url", "https://example.com/feed.xml", "--kind", "Rss", "--weight", "50" }, "weight must be above 0 and at most 10")]
    [InlineData(new[] { "sources", "add", "--url", "http://127.0.0.1:9/feed.xml", "--weight", "50" }, "weight must be above 0 and at most 10")]
    public async Task Bad_input_exits_non_zero_with_a_reason(string[] args, string reason)
    {
        var result = await DigestCli.RunAsync(_database, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_verb_is_an_error_not_a_running_site()
    {
        var result = await DigestCli.RunAsync(_database, "pots", "list");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pots", result.Error + result.Out, StringComparison.Ordinal);
    }
}
