using Bunit;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.Web.Components.Admin;
using Digest.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Sources;

/// <summary>Adding a source: a blog's address is followed to its feed, and every refusal is said next to the field, in words.</summary>
public sealed class SourceFormSpeaksNextToTheField : DashboardPageContext
{
    private LocalHttpServer _site = default!;

    public override async Task InitializeAsync()
    {
        _site = await LocalHttpServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override async Task DisposeMoreAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_blogs_home_page_is_followed_to_the_feed_it_links_and_added_once_picked()
    {
        _site.Serve("/", LocalResponse.Text("""<html><head><title>Example Lab</title><link rel="alternate" type="application/rss+xml" title="Example Lab" href="/feed.xml"></head><body></body></html>""", "text/html"));
        _site.Serve("/feed.xml", LocalResponse.Text(
            """<rss version="2.0"><channel><title>Lab</title><link>https://lab.example/</link><description>d</description><item><title>Distilling a 70B model into 3B</title><link>https://lab.example/1</link></item></channel></rss>""",
            "application/rss+xml"));
        var cut = Render<Components.Admin.Sources>();
        cut.WaitForElement("#source-url");

        cut.Find("#source-url").Input(_site.Url("/").AbsoluteUri);
        cut.Find("#save-source").Click();

        cut.WaitForAssertion(() => Assert.Contains("Distilling a 70B model into 3B", cut.Find(".feed-choice.picked").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal(_site.Url("/feed.xml").AbsoluteUri, cut.Find("#source-url").GetAttribute("value"));
        Assert.Equal("Example Lab", cut.Find("#source-name").GetAttribute("value"));
        Assert.Empty(await SourcesNamedAsync("Example Lab"));

        cut.Find("#save-source").Click();

        cut.WaitForAssertion(() => Assert.Contains("Added Rss source \"Example Lab\"", cut.Find("[role=status].alert").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal(SourceKind.Rss, Assert.Single(await SourcesNamedAsync("Example Lab")).Kind);
        Assert.Contains("Example Lab", cut.Find("table.sources").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address", "\"not an address\" is not a web address. Paste one like https://example.com/blog/.")]
    [InlineData("ftp://files.example.org/feed", "Only web addresses (http or https) can be read; this one starts with ftp:.")]
    public void An_address_that_is_not_one_is_refused_beside_the_field(string typed, string expected)
    {
        var cut = Render<Components.Admin.Sources>();
        cut.WaitForElement("#source-url");

        cut.Find("#source-url").Input(typed);
        cut.Find("#save-source").Click();

        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("#source-url-error").TextContent));
        Assert.Equal("true", cut.Find("#source-url").GetAttribute("aria-invalid"));
        Assert.Contains("source-url-error", cut.Find("#source-url").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".alert"));
    }

    [Fact]
    public void Test_fetch_of_something_that_is_no_address_says_so_instead_of_looking_for_a_source_by_that_name()
    {
        var cut = Render<Components.Admin.Sources>();
        cut.WaitForElement("#source-url");

        cut.Find("#source-url").Input("my favourite blog");
        cut.FindAll(".source-form button").Single(b => b.TextContent == "Test fetch").Click();

        cut.WaitForAssertion(() => Assert.Contains("is not a web address", cut.Find("#source-url-error").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("No source has the id", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_already_read_and_a_weight_out_of_range_are_said_beside_their_fields()
    {
        var cut = Render<Components.Admin.Sources>();
        cut.WaitForElement("#source-url");

        cut.Find("#source-url").Input("https://www.reddit.com/r/MachineLearning/top.json?t=day&limit=50");
        cut.Find("#source-weight").Change("12");
        cut.Find("#save-source").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Give a weight above 0 and at most 10", cut.Find("#source-weight-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#source-url-error"));

        cut.Find("#source-weight").Change("2");
        cut.Find("#save-source").Click();
        cut.WaitForAssertion(() => Assert.Equal("A source with the address https://www.reddit.com/r/MachineLearning/top.json?t=day&limit=50 already exists.", cut.Find("#source-url-error").TextContent));
        Assert.Single(await SourcesNamedAsync("r/MachineLearning"));
    }

    private Task<List<Source>> SourcesNamedAsync(string name) =>
        App.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Sources.AsNoTracking().Where(x => x.Name == name).ToListAsync());
}

/// <summary>In demo mode the Sources page says what demo mode reads, and discovery explains rather than fails.</summary>
public sealed class DemoModeSaysWhatItReads : DashboardPageContext
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Digest:Demo"] = "true" };

    [Fact]
    public void The_page_names_the_samples_and_a_new_address_gets_a_reason_not_a_failure()
    {
        var cut = Render<Components.Admin.Sources>();
        cut.WaitForElement("#source-url");

        Assert.Contains("Demo mode. Digest reads only its built-in samples of r/MachineLearning, r/machinelearningnews, Hacker News and arXiv cs.LG", cut.Find("#demo-note").TextContent, StringComparison.Ordinal);
        cut.Find("#source-url").Input("https://blog.example.org/");
        cut.Find("#find-feeds").Click();

        cut.WaitForAssertion(() => Assert.Contains("Demo mode reads only its built-in samples", cut.Find("#source-url-error").TextContent, StringComparison.Ordinal));
        Assert.Contains("it is read once Digest runs without --demo", cut.Find("#source-url-error").TextContent, StringComparison.Ordinal);
    }
}
