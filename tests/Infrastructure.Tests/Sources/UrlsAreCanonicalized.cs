using Digest.Infrastructure.Sources;

namespace Digest.Infrastructure.Tests.Sources;

/// <summary>The same story reached by different addresses gets one canonical address, so it is stored once.</summary>
public sealed class UrlsAreCanonicalized
{
    [Theory]
    [InlineData("https://Example.COM/post?utm_source=rss&utm_medium=feed&id=7#comments", "https://example.com/post?id=7")]
    [InlineData("https://www.example.com/a?fbclid=abc&gclid=def&ref=hn", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/search?q=llm&page=2", "https://example.com/search?q=llm&page=2")]
    [InlineData("https://medium.com/p/125af37d838f?source=rss----d12c403d4976--food", "https://medium.com/p/125af37d838f")]
    [InlineData("https://news.ycombinator.com/item?id=46259064", "https://news.ycombinator.com/item?id=46259064")]
    [InlineData("  https://example.com/trimmed  ", "https://example.com/trimmed")]
    public void Tracking_parameters_fragments_ports_and_www_go(string url, string canonical) =>
        Assert.Equal(canonical, UrlCanonicalizer.Canonicalize(url));

    [Theory]
    [InlineData("https://arxiv.org/abs/2202.12139")]
    [InlineData("http://arxiv.org/abs/2202.12139v1")]
    [InlineData("https://arxiv.org/abs/2202.12139v3")]
    [InlineData("https://arxiv.org/pdf/2202.12139")]
    [InlineData("https://arxiv.org/pdf/2202.12139v2")]
    [InlineData("https://arxiv.org/pdf/2202.12139v2.pdf")]
    [InlineData("https://export.arxiv.org/abs/2202.12139v1")]
    [InlineData("https://www.arxiv.org/html/2202.12139v1")]
    [InlineData("https://arxiv.org/abs/2202.12139?context=cs.LG#section")]
    public void Arxiv_abs_pdf_and_versions_are_one_paper(string url) =>
        Assert.Equal("https://arxiv.org/abs/2202.12139", UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void Old_style_arxiv_ids_are_kept_whole() =>
        Assert.Equal("https://arxiv.org/abs/hep-th/9901001", UrlCanonicalizer.Canonicalize("https://arxiv.org/pdf/hep-th/9901001v2"));

    [Theory]
    [InlineData("https://www.reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit/")]
    [InlineData("https://old.reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit/")]
    [InlineData("https://np.reddit.com/r/MachineLearning/comments/1dmo002/")]
    [InlineData("https://reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit/?utm_source=share&utm_medium=web2x")]
    [InlineData("https://www.reddit.com/r/MachineLearning/comments/1dmo002/r_stable_1bit/kx9c2z1/")]
    [InlineData("http://m.reddit.com/r/MachineLearning/comments/1dmo002")]
    public void Reddit_hosts_and_slugs_are_one_permalink(string url) =>
        Assert.Equal("https://www.reddit.com/r/MachineLearning/comments/1dmo002/", UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void Reddit_short_links_point_at_the_post() =>
        Assert.Equal("https://www.reddit.com/comments/1dmo002/", UrlCanonicalizer.Canonicalize("https://redd.it/1dmo002"));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("not a url")]
    public void Anything_that_is_not_http_is_left_alone(string url) =>
        Assert.Equal(url, UrlCanonicalizer.Canonicalize(url));
}
