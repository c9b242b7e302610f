using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Newsletter;

/// <summary>The operator's newsletter verbs through the real program, as the README shows them (one database, one pass:
/// each start of the program costs seconds).</summary>
[Collection(ProgramsCollection.Name)]
public sealed class NewsletterVerbsRunThroughTheProgram
{
    [Fact]
    public async Task Subscribers_are_imported_removed_listed_and_exported_and_a_post_is_published_without_emailing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = database.Options.DataDirectory;
        var csv = Path.Combine(folder, "subscribers.csv");
        await File.WriteAllTextAsync(csv, "email,frequency\nada@example.com,daily\nbob@example.com,weekly\nnot an address,\ncy@example.com,monthly\n");
        var slug = await AddDraftAsync(database);

        var imported = await DigestCli.RunAsync(database, "subscribers", "import", csv);
        Assert.Equal(1, imported.ExitCode);
        Assert.Contains("2 added", imported.Out, StringComparison.Ordinal);
        Assert.Contains("error: 2 line(s) were not imported:", imported.Error, StringComparison.Ordinal);
        Assert.Contains("line 4:", imported.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: frequency \"monthly\"", imported.Error, StringComparison.Ordinal);

        var injected = await DigestCli.RunAsync(database, "subscribers", "remove", "ada@example.com\r\nbob@example.com");
        Assert.Equal(1, injected.ExitCode);
        Assert.Contains("error: An email address cannot contain line breaks", injected.Error, StringComparison.Ordinal);

        var removed = await DigestCli.RunAsync(database, "subscribers", "remove", "ADA@example.com");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("Removed ada@example.com", removed.Out, StringComparison.Ordinal);

        var list = await DigestCli.RunAsync(database, "subscribers", "list", "--status", "Active");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("bob@example.com", list.Out, StringComparison.Ordinal);
        Assert.Contains("Weekly", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 subscriber(s)", list.Out, StringComparison.Ordinal);

        var exported = Path.Combine(folder, "out.csv");
        var export = await DigestCli.RunAsync(database, "subscribers", "export", exported);
        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = await File.ReadAllLinesAsync(exported);
        Assert.Equal("email,status,frequency,source,subscribed_at,confirmed_at,unsubscribed_at,bounced_at", lines[0]);
        Assert.StartsWith("bob@example.com,active,weekly,import,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        var published = await DigestCli.RunAsync(database, "posts", "publish", slug, "--override", "test fixture", "--no-email");
        Assert.True(published.ExitCode == 0, published.ToString());
        var status = await DigestCli.RunAsync(database, "newsletter", "status", slug);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("published without emailing, as command line chose", status.Out, StringComparison.Ordinal);
    }

    private static async Task<string> AddDraftAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var post = Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), DateTime.UtcNow);
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared", null, "State-space models stay cheap at long context.", "Attention keeps winning benchmarks."));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Slug;
    }
}
