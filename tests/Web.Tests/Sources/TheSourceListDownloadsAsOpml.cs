using System.Net;
using System.Xml.Linq;
using Digest.Web.Tests.Admin;

namespace Digest.Web.Tests.Sources;

public sealed class TheSourceListDownloadsAsOpml : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admins_download_every_source_as_an_opml_file_a_feed_reader_reads()
    {
        var response = await (await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail)).GetAsync("/admin/sources.opml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-opml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("digest-sources-", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var opml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", opml.Root!.Attribute("version")!.Value);
        var outlines = opml.Root.Element("body")!.Elements("outline").ToList();
        Assert.Equal(["arXiv cs.LG", "Hacker News", "r/MachineLearning", "r/machinelearningnews"], outlines.Select(o => o.Attribute("text")!.Value));
        Assert.All(outlines, o => Assert.Equal("rss", o.Attribute("type")!.Value));
        Assert.Equal("https://www.reddit.com/r/MachineLearning/top.json?t=day&limit=50", outlines[2].Attribute("xmlUrl")!.Value);
    }

    [Fact]
    public async Task Editors_and_strangers_do_not_get_it()
    {
        var editor = await (await Dashboard.SignedInAsync(_app, Dashboard.EditorEmail)).GetAsync("/admin/sources.opml");
        var stranger = await Dashboard.Anonymous(_app).GetAsync("/admin/sources.opml");

        Assert.StartsWith("/account/access-denied", editor.LocalTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", stranger.LocalTarget(), StringComparison.Ordinal);
    }
}
