using System.Xml.Linq;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Import;

/// <summary>An imported post tells readers and editors where it came from, and claims nothing it lacks.</summary>
public sealed class ImportedPostsSayWhereTheyCameFrom : IAsyncLifetime
{
    private const string OldSite = "https://old.example.com/";

    // A prediction whose "subject" is a date: the importer keeps it as written and says so.
    private static readonly HugoArchiveEntry DateAsSubject = new("date-as-subject.md", """
        ---
        title: "[Daily Automated AI Summary]"
        date: 2024-02-04T05:00:00Z
        author: "Blog Agent"
        ---
        > *Notice:* This post has been automatically generated and does not reflect the views of the site owner, nor does it claim to be accurate.

        ## GPT predicts future events

        - **2030**: Artificial general intelligence will be reached by large multimodal models.

        """u8.ToArray(), null);

    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        var report = await _app.WithScopeAsync(s => s.GetRequiredService<HugoImporter>().ImportAsync(
            [.. HugoArchiveReader.ReadFolder(SeedFiles.Path), DateAsSubject], new HugoImportOptions(OldSite)));
        Assert.Equal(0, report.Failed);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_public_page_says_imported_from_the_old_address_and_names_no_sources_it_does_not_have()
    {
        var page = await Forms.ParseAsync(await _app.Client().GetAsync("/posts/2024-07-18-ai-auto-summary/"));

        var imported = page.QuerySelector(".disclosure .imported-from")!;
        Assert.Contains("From the old blog", imported.TextContent, StringComparison.Ordinal);
        Assert.Equal(OldSite + "posts/2024-07-18-ai-auto-summary/", imported.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(imported.QuerySelector("time"));
        Assert.Equal("None linked: the old blog's posts named no sources.", page.QuerySelector(".disclosure .sources")!.TextContent.Trim());
        Assert.DoesNotContain("Each topic links", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Not reviewed.", page.QuerySelector(".disclosure .reviewed-by")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_says_the_post_was_imported_and_lists_what_was_kept_as_written()
    {
        var id = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.Where(p => p.Slug == "date-as-subject").Select(p => p.Id).SingleAsync());
        var editor = await _app.SignedInAsync("owner@example.com", Roles.Admin);

        var page = await Forms.ParseAsync(await editor.GetAsync($"/admin/posts/{id}"));

        var provenance = page.QuerySelector(".provenance")!.TextContent;
        Assert.Contains("imported from " + OldSite + "posts/date-as-subject/", provenance, StringComparison.Ordinal);
        Assert.DoesNotContain("written by an editor", page.Body!.TextContent, StringComparison.Ordinal);
        var notes = page.QuerySelectorAll(".import-notes li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(notes);
        Assert.Contains(notes, note => note.Contains("has a date where its subject should be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feeds_carry_as_many_posts_as_the_old_sites_rss_limit_and_every_post_without_one()
    {
        var client = _app.Client();

        await _app.WithScopeAsync(s => s.GetRequiredService<HugoFeedLength>().ApplyAsync(5, "import"));
        Assert.Equal(5, XDocument.Parse(await client.GetStringAsync("/index.xml")).Descendants("item").Count());
        Assert.Equal(5, XDocument.Parse(await client.GetStringAsync("/atom.xml")).Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());

        await _app.WithScopeAsync(s => s.GetRequiredService<HugoFeedLength>().ApplyAsync(null, "import"));
        var published = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.CountAsync(p => p.Status == PostStatus.Published));
        Assert.True(published > 5, $"{published} published posts");
        Assert.Equal(published, XDocument.Parse(await client.GetStringAsync("/index.xml")).Descendants("item").Count());
    }
}
