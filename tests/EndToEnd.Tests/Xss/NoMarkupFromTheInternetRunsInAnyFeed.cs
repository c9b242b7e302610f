using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Hugo;
using Digest.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reader = CodeHollow.FeedReader;

namespace Digest.EndToEnd.Tests.Xss;

/// <summary>
/// 100 markup payloads go in as a hostile source would send them (item titles and descriptions) and as an old blog's
/// archive would carry them (titles, descriptions, tags, bodies); drafts are generated and published; each feed is
/// parsed with a real feed reader library and what it yields is rendered in Chromium the way a reader would — RSS
/// fields all as HTML, since RSS never said which are text. Nothing runs. A control renders the raw payloads and
/// sees them run, so the check can fail.
/// </summary>
public sealed class NoMarkupFromTheInternetRunsInAnyFeed(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private LocalHttpServer _source = default!;
    private TestDatabase _database = default!;
    private WebApplicationFactory<Program> _app = default!;

    public async Task InitializeAsync()
    {
        _source = await LocalHttpServer.StartAsync();
        _source.Serve("/hostile.xml", LocalResponse.Text(HostileFeed(), "application/rss+xml; charset=utf-8"));
        _database = await TestDatabase.CreateEmptyAsync(Infrastructure.Data.DatabaseProvider.Sqlite);
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Digest:Database:Provider", "Sqlite");
            web.UseSetting("ConnectionStrings:Digest", _database.Options.ConnectionString);
            web.UseSetting("Digest:DataDirectory", _database.Options.DataDirectory);
            web.UseSetting("Digest:Sources:AllowPrivateNetworks", "true");
            web.UseSetting("Digest:Jobs:Server", "false");
        });
        _ = _app.Services;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _source.DisposeAsync();
    }

    private static string HostileFeed()
    {
        var items = new StringBuilder();
        for (var i = 0; i < Payloads.All.Count; i++)
        {
            // Distinct words keep the stories apart, so each payload becomes a topic or headline of its own.
            var words = string.Join(' ', Enumerable.Range(0, 4).Select(k => Words[(i * 7 + k * 13) % Words.Length]));
            items.Append(CultureInfo($"""
                <item><title>{Escape($"Story {i} {words} {Payloads.All[i]}")}</title>
                <link>https://news.example.org/story/{i}</link>
                <description>{Escape($"<p>{words} {Payloads.All[(i + 37) % Payloads.All.Count]}</p>")}</description>
                <pubDate>{DateTime.UtcNow.AddMinutes(-i).ToString("r", System.Globalization.CultureInfo.InvariantCulture)}</pubDate></item>
                """));
        }

        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title><link>https://news.example.org/</link>{items}</channel></rss>""";
    }

    private static string CultureInfo(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    private static readonly string[] Words =
    [
        "alpaca", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp", "lagoon", "magma",
        "nectar", "onyx", "prairie", "quartz", "rapids", "sierra", "tundra", "umber", "velvet", "willow", "xenon", "yarrow", "zephyr",
        "atlas", "bramble", "cinder", "delta", "estuary", "fennel", "glacier", "heather", "iris", "jasper", "kestrel", "lichen",
    ];

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Generate → publish: five editions of 12 topics and 12 headlines, each approved with a recorded reason.</summary>
    private async Task GenerateAndPublishAsync()
    {
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            await db.Sources.ExecuteDeleteAsync();
            db.Sources.Add(new Source("Hostile", _source.Url("/hostile.xml"), SourceKind.Rss, SourceRole.Both));
            var settings = await db.SiteSettings.SingleAsync();
            settings.TopicCount = 12;
            settings.TrendingCount = 12;
            return await db.SaveChangesAsync();
        });

        var today = await InScopeAsync(s => s.GetRequiredService<DraftGenerator>().TodaysEditionAsync(CancellationToken.None));
        for (var day = 0; day < 5; day++)
        {
            var result = await InScopeAsync(s => s.GetRequiredService<DraftGenerator>().GenerateAsync(today.AddDays(-day), "xss test", CancellationToken.None));
            if (result.Run.PostId is not { } postId)
            {
                break;
            }

            await InScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(postId, "Editor", "XSS test: the payloads are the content."));
        }
    }

    /// <summary>Import → publish: ten old posts whose title, description, tags and body carry the payloads.</summary>
    private Task<HugoImportReport> ImportAsync() => InScopeAsync(services =>
    {
        var files = Enumerable.Range(0, 10).Select(n =>
        {
            string P(int k) => Payloads.All[(n * 10 + k) % Payloads.All.Count];
            var text = $"""
                ---
                title: {Yaml(P(0))}
                date: 2024-02-{n + 1:00}T08:00:00Z
                description: {Yaml(P(1))}
                tags: [{Yaml(P(2))}, "old-blog"]
                draft: false
                ---
                {P(3)}

                ## {P(4)}

                1. **{P(5)}**: {P(6)}

                [{P(7)}]({P(8)}) {P(9)}
                """;
            return new HugoArchiveEntry($"hostile-{n}.md", Encoding.UTF8.GetBytes(text), null);
        });
        return services.GetRequiredService<HugoImporter>().ImportAsync(files);
    });

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [BrowserFact]
    public async Task Payloads_from_sources_and_imports_never_run_in_any_feed_format()
    {
        await GenerateAndPublishAsync();
        var imported = await ImportAsync();
        Assert.True(imported.Items.Count(i => i.Outcome is HugoImportOutcome.Imported or HugoImportOutcome.ImportedAsFreeText) >= 8, imported.Summary);

        // Every payload made it into a published post, so every one was put through the feeds.
        var published = await InScopeAsync(async s => string.Join("\n", (await s.GetRequiredService<DigestDbContext>().Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published).Include(p => p.Sections).ToListAsync())
            .Select(p => string.Join("\n", new[] { p.Title, p.Description ?? "", string.Join(",", p.Tags) }.Concat(p.Sections.Select(x => $"{x.Heading}\n{x.Body}\n{x.Benefits}\n{x.Ramifications}"))))));
        var missing = Payloads.All.Where(p => !published.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} payloads never reached a published post:\n{string.Join("\n", missing)}");

        var client = _app.CreateClient();
        var rendered = new List<(string Feed, string Html)>
        {
            ("RSS /index.xml", RenderRss(await client.GetStringAsync("/index.xml"))),
            ("Atom /atom.xml", RenderAtom(await client.GetStringAsync("/atom.xml"))),
            ("JSON /feed.json", RenderJson(await client.GetStringAsync("/feed.json"))),
            ("RSS /tags/old-blog/index.xml", RenderRss(await client.GetStringAsync("/tags/old-blog/index.xml"))),
        };

        foreach (var (feed, html) in rendered)
        {
            Assert.True(html.Length > 3_000, $"{feed} rendered almost nothing");
            var (ran, markup) = await RunInChromiumAsync(html);
            Assert.True(ran.Count == 0, $"{feed}: payloads ran in Chromium: {string.Join(", ", ran)}");
            Assert.True(markup.Count == 0, $"{feed}: live markup reached the page: {string.Join("; ", markup)}");
        }
    }

    [BrowserFact]
    public async Task The_check_sees_payloads_run_when_nothing_stops_them()
    {
        var (ran, markup) = await RunInChromiumAsync("<article>" + string.Join("</article><article>", Payloads.All.Take(50)) + "</article>");

        Assert.True(ran.Count >= 30, $"only {ran.Count} of the 50 raw payloads were seen running: the check is blind");
        Assert.NotEmpty(markup);
    }

    /// <summary>RSS as the careless reader shows it: title, description, content and categories all taken as HTML.</summary>
    private static string RenderRss(string xml)
    {
        var feed = Reader.FeedReader.ReadFromString(xml);
        Assert.Equal(Reader.FeedType.Rss_2_0, feed.Type);
        return Page(feed.Items.Select(i => $"<article><h2>{i.Title}</h2><div class=d>{i.Description}</div><div class=c>{i.Content}</div><ul>{string.Concat(i.Categories.Select(c => $"<li>{c}</li>"))}</ul><p>{i.Author}</p></article>"));
    }

    /// <summary>Atom as a reader shows it: title and summary are type="text" (shown as text), content is HTML.</summary>
    private static string RenderAtom(string xml)
    {
        var feed = Reader.FeedReader.ReadFromString(xml);
        Assert.Equal(Reader.FeedType.Atom, feed.Type);
        return Page(feed.Items.Select(i => $"<article><h2>{WebUtility.HtmlEncode(i.Title)}</h2><div class=d>{WebUtility.HtmlEncode(i.Description)}</div><div class=c>{i.Content}</div></article>"));
    }

    /// <summary>JSON Feed: title and summary are plain text, content_html is HTML.</summary>
    private static string RenderJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Page(document.RootElement.GetProperty("items").EnumerateArray().Select(i =>
            $"<article><h2>{WebUtility.HtmlEncode(i.GetProperty("title").GetString())}</h2>" +
            $"<div class=d>{WebUtility.HtmlEncode(i.TryGetProperty("summary", out var s) ? s.GetString() : "")}</div>" +
            $"<div class=c>{i.GetProperty("content_html").GetString()}</div></article>"));
    }

    private static string Page(IEnumerable<string> articles) => "<!DOCTYPE html><html><body>" + string.Concat(articles) + "</body></html>";

    /// <summary>
    /// Loads the HTML in Chromium and then pokes it as a reader's user would — every element gets the events inline
    /// handlers listen to, every link and button is clicked — and returns the payload numbers that ran.
    /// </summary>
    private async Task<(IReadOnlyList<int> Ran, IReadOnlyList<string> Markup)> RunInChromiumAsync(string html)
    {
        var context = await browser.Chromium.NewContextAsync();
        var ran = new List<int>();
        IReadOnlyList<string> markup;
        try
        {
            var page = await context.NewPageAsync();
            await page.ExposeFunctionAsync("xss", (int n) => { lock (ran) { ran.Add(n); } });
            page.Dialog += async (_, dialog) =>
            {
                lock (ran)
                {
                    ran.Add(-1);
                }

                await dialog.DismissAsync();
            };
            // Nothing leaves the machine: links to the web are not followed.
            await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("""
                async () => {
                  for (const el of document.querySelectorAll('*')) {
                    for (const type of ['mouseover', 'click', 'focus', 'toggle', 'animationstart', 'error', 'load', 'begin', 'start']) {
                      // Clicking a link or a form would leave the page; javascript: links are clicked below.
                      if (type === 'click' && el.closest('a, area, form, button')) { continue; }
                      try { el.dispatchEvent(new Event(type)); } catch (e) { }
                    }
                  }
                  for (const a of document.querySelectorAll('a[href], area[href]')) {
                    if (/^\s*javascript:/i.test(a.getAttribute('href') || '')) { a.click(); }
                  }
                  await new Promise(r => setTimeout(r, 500));
                }
                """);
            markup = await page.EvaluateAsync<string[]>("""
                () => {
                  const found = [];
                  for (const el of document.querySelectorAll('script, iframe, object, embed, base, meta, form, link, style, template, frame')) { found.push('<' + el.localName + '>'); }
                  for (const el of document.querySelectorAll('*')) {
                    for (const attr of el.attributes) {
                      if (/^on/i.test(attr.name)) { found.push(el.localName + ' ' + attr.name); }
                      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) { found.push(el.localName + ' ' + attr.name + '=' + attr.value.slice(0, 30)); }
                    }
                  }
                  return found;
                }
                """);
        }
        finally
        {
            await context.CloseAsync();
        }

        lock (ran)
        {
            return ([.. ran.Distinct()], markup);
        }
    }
}
