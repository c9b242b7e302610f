using System.Net;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.TestSupport;

namespace Digest.Web.Tests.Import;

public sealed class OldLinksAndPredictionsArePublic
{
    private static readonly HugoArchiveEntry Moved = new("moved.md", """
        ---
        title: "Moved"
        date: 2024-01-01
        url: /2024/01/old-name/
        aliases: ["/posts/older-name/", "/archive/x.html"]
        ---
        Some text.
        """u8.ToArray(), null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Old_addresses_redirect_permanently_to_the_post(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        await app.ImportSeedAsync(Moved);
        var client = app.Client();

        foreach (var old in new[] { "/2024/01/old-name/", "/2024/01/old-name", "/posts/older-name/", "/archive/x.html", "/2024/01/Old-Name/index.html" })
        {
            var response = await client.GetAsync(old);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{old}: {(int)response.StatusCode}");
            Assert.Equal("/posts/old-name/", response.LocalTarget());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/posts/old-name/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/posts/never-was/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2024/01/never-was/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_predictions_page_charts_the_archive_as_an_svg_with_a_table(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        await app.ImportSeedAsync();

        var response = await app.Client().GetAsync("/predictions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var svg = page.QuerySelector("figure svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Predicted dates over publication date", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("Technological singularity: ", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.True(svg.QuerySelectorAll("path.points").Sum(p => p.GetAttribute("d")!.Split("h0").Length - 1) >= 36, "every dated prediction is a marker");
        Assert.Equal(["Artificial general intelligence (AGI) (20)", "Technological singularity (20)"], page.QuerySelectorAll(".chart-legend li").Select(li => li.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("figcaption"));
        Assert.Equal(40, page.QuerySelectorAll("table.predictions-table tbody tr").Length);
        // A page like every other: the theme toggle, a description, and a link in the site navigation.
        Assert.NotNull(page.QuerySelector("#theme-toggle"));
        Assert.StartsWith("Every post ends with a model's guess", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav a[href='/predictions']"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), script => script.TextContent.Length > 0 && !script.HasAttribute("src") && script.GetAttribute("type") != "application/ld+json");
    }
}
