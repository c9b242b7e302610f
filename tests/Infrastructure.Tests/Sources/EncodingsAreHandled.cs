using System.IO.Compression;
using System.Text;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class EncodingsAreHandled : IAsyncLifetime
{
    private const string Title = "Café — naïve Bayes, revisited";
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create();

    static EncodingsAreHandled() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Rss(string declaration) =>
        $"{declaration}<rss version=\"2.0\"><channel><title>t</title><item><title>{Title}</title><link>https://example.com/cafe</link></item></channel></rss>";

    private async Task<string> TitleServedAsAsync(byte[] body, string contentType)
    {
        var path = $"/{Guid.NewGuid():N}.xml";
        _server.Serve(path, LocalResponse.Bytes(body, contentType));
        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url(path)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Items).Title;
    }

    [Fact]
    public async Task Utf8_declared_as_latin1_is_read_as_utf8()
    {
        var body = Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));

        Assert.Equal(Title, await TitleServedAsAsync(body, "application/rss+xml"));
    }

    [Fact]
    public async Task Windows1252_declared_as_utf8_is_read_as_windows1252()
    {
        var body = Encoding.GetEncoding(1252).GetBytes(Rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));

        Assert.Equal(Title, await TitleServedAsAsync(body, "application/rss+xml; charset=utf-8"));
    }

    [Fact]
    public async Task Latin_text_without_any_declaration_uses_the_http_charset()
    {
        var body = Encoding.GetEncoding("iso-8859-15").GetBytes(Rss("").Replace("—", "-", StringComparison.Ordinal));

        Assert.Equal(Title.Replace("—", "-", StringComparison.Ordinal), await TitleServedAsAsync(body, "text/xml; charset=iso-8859-15"));
    }

    [Fact]
    public async Task Utf16_with_byte_order_mark()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"))).ToArray();

        Assert.Equal(Title, await TitleServedAsAsync(body, "application/xml"));
    }

    [Fact]
    public async Task Utf8_with_byte_order_mark_and_no_declaration()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss(""))).ToArray();

        Assert.Equal(Title, await TitleServedAsAsync(body, "application/xml"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Compressed_responses_are_decompressed(string encoding)
    {
        var plain = Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        using var compressed = new MemoryStream();
        await using (Stream stream = encoding == "gzip" ? new GZipStream(compressed, CompressionLevel.Fastest, true) : new BrotliStream(compressed, CompressionLevel.Fastest, true))
        {
            await stream.WriteAsync(plain);
        }

        var path = $"/{encoding}.xml";
        _server.Serve(path, LocalResponse.Bytes(compressed.ToArray(), "application/rss+xml").WithHeader("Content-Encoding", encoding));
        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url(path)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Title, Assert.Single(result.Items).Title);
    }
}
