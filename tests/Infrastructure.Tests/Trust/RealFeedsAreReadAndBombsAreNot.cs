using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Feeds;
using Digest.Infrastructure.Sources.Reading;
using Digest.Infrastructure.Tests.Sources;

namespace Digest.Infrastructure.Tests.Trust;

/// <summary>
/// What careful feed readers (feedparser, Miniflux) accept is read: white space or a byte order mark before the XML
/// declaration, and a DTD that only declares plain internal entities. External entities, parameter entities and
/// expansion bombs stay refused, each with a message that says which.
/// </summary>
public sealed class RealFeedsAreReadAndBombsAreNot
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>A WordPress blog</title><link>https://blog.example/</link>
        <item><title>First post</title><link>https://blog.example/first/</link><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    private static IReadOnlyList<FetchedItem> Read(byte[] body) =>
        FeedReader.Read(new FetchedDocument(new Uri("https://blog.example/feed/"), body, "application/rss+xml", null), out _);

    private static IReadOnlyList<FetchedItem> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("   \t\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n")]
    [InlineData("\n\uFEFF")]
    public void White_space_or_a_byte_order_mark_before_the_declaration_is_skipped(string junk)
    {
        var items = Read(junk + Rss);

        Assert.Equal("First post", Assert.Single(items).Title);
    }

    [Fact]
    public void A_utf8_byte_order_mark_and_a_blank_line_in_bytes_are_skipped()
    {
        var items = Read([0xEF, 0xBB, 0xBF, (byte)'\n', .. Encoding.UTF8.GetBytes(Rss)]);

        Assert.Equal("First post", Assert.Single(items).Title);
    }

    [Fact]
    public void A_dtd_of_plain_internal_entities_is_read_and_they_are_expanded()
    {
        var feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [
              <!ENTITY nbsp "&#160;">
              <!ENTITY site "Example Blog">
              <!ELEMENT rss ANY>
            ]>
            <rss version="2.0"><channel><title>&site;</title><link>https://blog.example/</link>
            <item><title>News&nbsp;from &site;</title><link>https://blog.example/news/</link></item>
            </channel></rss>
            """;

        var items = Read(feed);

        // The reader folds the no-break space into white space like any other; what matters is that &site; was expanded.
        Assert.Equal("News from Example Blog", Assert.Single(items).Title.Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData("""<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>""", "XML DTD declares an external entity (secret): refused")]
    [InlineData("""<!DOCTYPE rss [ <!ENTITY remote PUBLIC "-//X//EN" "http://127.0.0.1:9/x.dtd"> ]>""", "XML DTD declares an external entity (remote): refused")]
    [InlineData("""<!DOCTYPE rss [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p; ]>""", "XML DTD uses parameter entities: refused")]
    [InlineData("""<!DOCTYPE rss [ <!ENTITY % p "<!ENTITY x 'y'>"> ]>""", "XML DTD declares a parameter entity (p): refused")]
    [InlineData("""<!DOCTYPE rss [ <!ENTITY a "lol"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>""", "XML DTD declares an entity made of other entities (b): refused")]
    public void Dangerous_declarations_are_refused_saying_which(string doctype, string message)
    {
        var feed = "<?xml version=\"1.0\"?>\n" + doctype + "\n" + Rss[(Rss.IndexOf('\n', StringComparison.Ordinal) + 1)..];

        var refused = Assert.Throws<SourceFormatException>(() => Read(feed));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_billion_laughs_fixture_is_refused_as_an_expansion_bomb() =>
        Assert.StartsWith("XML DTD declares an entity made of other entities",
            Assert.Throws<SourceFormatException>(() => Read(File.ReadAllBytes(SharedFixtures.Path("dx_billion-laughs_xmlbomb.xml")))).Message, StringComparison.Ordinal);

    [Fact]
    public void The_external_entity_fixture_is_refused() =>
        Assert.StartsWith("XML DTD declares an external entity (ee)",
            Assert.Throws<SourceFormatException>(() => Read(File.ReadAllBytes(SharedFixtures.Path("dx_xxe_external-http-entity.xml")))).Message, StringComparison.Ordinal);

    [Fact]
    public void One_large_entity_used_many_times_is_capped()
    {
        var big = new string('x', 20_000);
        var uses = string.Concat(Enumerable.Repeat("&big;", 200));
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY big "{big}"> ]>
            <rss version="2.0"><channel><title>t</title><link>https://blog.example/</link>
            <item><title>{uses}</title><link>https://blog.example/a/</link></item></channel></rss>
            """;

        var refused = Assert.Throws<SourceFormatException>(() => Read(feed));

        Assert.StartsWith("XML entities expand to more than 256 K characters: refused", refused.Message, StringComparison.Ordinal);
    }
}
