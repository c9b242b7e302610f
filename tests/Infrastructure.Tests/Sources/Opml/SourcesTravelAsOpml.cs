using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Opml;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Sources.Opml;

/// <summary>Sources leave as OPML and come back the same; a feed reader's OPML comes in without surprises.</summary>
public sealed class SourcesTravelAsOpml
{
    private static readonly DateTime Now = new(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc);

    private static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:Demo"] = "true" }).Build();
        return database.BuildServices(s => s.AddSourceFetching(configuration).AddIngestion(configuration));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exported_sources_import_into_an_empty_list_with_kind_role_weight_and_state(DatabaseProvider provider)
    {
        await using var from = await TestDatabase.CreateAsync(provider);
        await using var to = await TestDatabase.CreateAsync(provider);
        await using var fromServices = Services(from);
        await using var toServices = Services(to);
        var paused = new Source("Paused blog & co", new Uri("https://blog.example.org/feed.xml?x=1&y=2"), SourceKind.Rss, SourceRole.Trending, 2.5);
        paused.Disable();
        await using (var scope = fromServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.Sources.Add(paused);
            await db.SaveChangesAsync();
        }

        byte[] opml;
        await using (var scope = fromServices.CreateAsyncScope())
        {
            opml = OpmlDocument.Write(await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Sources.ToListAsync(), "Digest: sources", Now);
        }

        await using (var scope = toServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            await db.Sources.ExecuteDeleteAsync();
            var reading = OpmlDocument.Read(opml);
            Assert.Empty(reading.Problems);
            var report = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().ImportAsync(reading.Entries);
            Assert.Empty(report.Skipped);
            Assert.Equal(5, report.Added.Count);
        }

        static async Task<List<string>> DescribeAsync(ServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var sources = await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Sources.AsNoTracking().ToListAsync();
            return [.. sources.Select(s => $"{s.Name}|{s.Url}|{s.Kind}|{s.Role}|{s.Weight}|{s.Enabled}").Order(StringComparer.Ordinal)];
        }

        Assert.Equal(await DescribeAsync(fromServices), await DescribeAsync(toServices));
        Assert.Contains("Paused blog & co|https://blog.example.org/feed.xml?x=1&y=2|Rss|Trending|2.5|False", await DescribeAsync(toServices));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_feed_readers_file_is_flattened_and_what_is_already_here_or_broken_is_skipped_with_a_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        const string Feedly = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>Feedly export</title></head>
              <body>
                <outline text="AI" title="AI">
                  <outline type="rss" text="Lab blog" title="Lab blog" xmlUrl="https://lab.example/feed/" htmlUrl="https://lab.example/"/>
                  <outline type="rss" text="Lab blog again" xmlUrl="https://lab.example/feed/"/>
                  <outline type="rss" text="r/MachineLearning" xmlUrl="https://www.reddit.com/r/MachineLearning/top.json?t=day&amp;limit=50"/>
                </outline>
                <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
                <outline type="rss" xmlUrl="https://news.example/atom.xml"/>
              </body>
            </opml>
            """;

        await using var scope = services.CreateAsyncScope();
        var reading = OpmlDocument.Read(Encoding.UTF8.GetBytes(Feedly));
        var report = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().ImportAsync(reading.Entries);

        Assert.Equal(["Lab blog", "news.example"], report.Added);
        Assert.Equal(
            [
                "Lab blog again: already a source",
                "r/MachineLearning: already a source",
                "Gopher: \"gopher://old.example/feed\" is not an absolute http or https address.",
            ],
            report.Skipped);
        var added = await scope.ServiceProvider.GetRequiredService<DigestDbContext>().Sources.AsNoTracking().SingleAsync(s => s.Name == "Lab blog");
        Assert.Equal((SourceKind.Feed, SourceRole.Both, 1.0, true), (added.Kind, added.Role, added.Weight, added.Enabled));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Feeds_on_private_addresses_are_skipped_like_ingest_would_and_each_one_added_is_audited_as_its_importer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        const string Opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <body>
                <outline type="rss" text="Router" xmlUrl="http://192.168.1.1/feed.xml"/>
                <outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest/feed"/>
                <outline type="rss" text="Lab blog" xmlUrl="https://lab.example/feed/"/>
              </body>
            </opml>
            """;

        await using (var scope = services.CreateAsyncScope())
        {
            using var acting = AuditContext.Enter(new AuditActor("ada@example.com", "ada-id", "203.0.113.9"));
            var report = await scope.ServiceProvider.GetRequiredService<SourceCatalog>().ImportAsync(OpmlDocument.Read(Encoding.UTF8.GetBytes(Opml)).Entries);

            Assert.Equal(["Lab blog"], report.Added);
            Assert.Collection(report.Skipped,
                s => Assert.StartsWith("Router: refused to connect to 192.168.1.1", s, StringComparison.Ordinal),
                s => Assert.StartsWith("Metadata: refused to connect to 169.254.169.254", s, StringComparison.Ordinal));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            var urls = await db.Sources.AsNoTracking().Select(s => s.Url).ToListAsync();
            Assert.Contains("https://lab.example/feed/", urls);
            Assert.DoesNotContain(urls, u => u.Contains("192.168.1.1", StringComparison.Ordinal) || u.Contains("169.254.169.254", StringComparison.Ordinal));
            var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == AuditActions.SourceAdded);
            Assert.Equal(("ada@example.com", "ada-id", "203.0.113.9"), (entry.Actor, entry.ActorId, entry.Origin));
            Assert.Equal("Lab blog (https://lab.example/feed/)", entry.SubjectLabel);
            Assert.StartsWith("from OPML, Feed, Both, weight 1", entry.Details, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("<html><body>not opml</body></html>", "The file is not OPML")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body>&x;</body></opml>""", "external entities are never fetched")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><opml><body/></opml>""", "entity expansion bombs")]
    [InlineData("""<?xml version="1.0"?><rss version="2.0"><channel/></rss>""", "it starts with <rss>, not <opml>")]
    public void Files_that_are_not_opml_are_refused_in_plain_words(string content, string expected)
    {
        var reading = OpmlDocument.Read(Encoding.UTF8.GetBytes(content));

        Assert.Empty(reading.Entries);
        Assert.Contains(expected, Assert.Single(reading.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_read()
    {
        var reading = OpmlDocument.Read(new byte[OpmlDocument.MaxBytes + 1]);

        Assert.StartsWith("The file is 1025 KB; an OPML file of sources is at most 1024 KB.", Assert.Single(reading.Problems), StringComparison.Ordinal);
    }
}
