using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;

namespace Digest.Infrastructure.Tests.Publishing;

public sealed class MarkdownNeverOutputsExecutableHtml
{
    private readonly MarkdownRenderer _markdown = new(new ContentSanitizer());

    [Theory]
    [InlineData("Hello <script>alert('x')</script> world")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("<div onclick=\"steal()\">click me</div>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<style>body { display: none }</style>")]
    [InlineData("[click](javascript:alert(document.cookie))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("<a href=\"javascript:alert(1)\">raw link</a>")]
    [InlineData("<svg onload=alert(1)><circle/></svg>")]
    [InlineData("<!-- comment --><scr<script>ipt>alert(1)</script>")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>")]
    public void Hostile_markdown_renders_without_anything_a_browser_would_run(string markdown)
    {
        var html = _markdown.ToSafeHtml(markdown);

        Assert.Empty(Html.ExecutableParts(html));
    }

    [Fact]
    public void Raw_html_from_a_model_is_shown_as_text_not_interpreted()
    {
        var html = _markdown.ToSafeHtml("The model wrote <b>bold</b> and <script>alert(1)</script> here.");

        var body = Html.Body(html);
        Assert.Empty(body.QuerySelectorAll("b, script"));
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_html_block_in_a_section_body_stays_text()
    {
        var html = _markdown.ToSafeHtml("Intro\n\n<div>\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n</div>\n\nOutro");

        Assert.Empty(Html.ExecutableParts(html));
        Assert.Contains("onerror=alert(2)", Html.Body(html).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_title_with_script_is_credited_as_text_in_the_post()
    {
        var post = new PostBuilder()
            .WithNotice()
            .WithTopic("<script>alert('topic')</script>", "b", "r", ("<script>alert('label')</script> · 3 points", "https://example.com/a?x=1&y=<2>"))
            .WithTrending("<img src=x onerror=alert(1)> headline")
            .Draft();

        var rendered = new PostRenderer(_markdown).Render(post);

        Assert.Empty(Html.ExecutableParts(rendered.Html));
        var body = Html.Body(rendered.Html);
        Assert.Contains("<script>alert('topic')</script>", body.TextContent, StringComparison.Ordinal);
        var sourceLink = Assert.Single(body.QuerySelectorAll("a"), a => a.TextContent.Contains("alert('label')", StringComparison.Ordinal));
        Assert.StartsWith("https://example.com/a?x=1", sourceLink.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_and_images_on_the_web_survive_with_external_links_marked_nofollow()
    {
        var html = _markdown.ToSafeHtml("See [the paper](https://arxiv.org/abs/2401.00001), mail [us](mailto:editor@example.com), [the archive](/archives) and ![chart](https://example.com/c.png \"Chart\").");

        var body = Html.Body(html);
        var paper = body.QuerySelector("a[href='https://arxiv.org/abs/2401.00001']");
        Assert.NotNull(paper);
        Assert.Equal(ContentSanitizer.ExternalLinkRel, paper.GetAttribute("rel"));
        Assert.Null(body.QuerySelector("a[href='/archives']")!.GetAttribute("rel"));
        Assert.NotNull(body.QuerySelector("a[href='mailto:editor@example.com']"));
        var image = body.QuerySelector("img");
        Assert.Equal("https://example.com/c.png", image!.GetAttribute("src"));
        Assert.Equal("chart", image.GetAttribute("alt"));
    }

    [Fact]
    public void Bare_urls_become_links()
    {
        var html = _markdown.ToSafeHtml("Code at https://github.com/example/repo today.");

        var link = Html.Body(html).QuerySelector("a");
        Assert.Equal("https://github.com/example/repo", link!.GetAttribute("href"));
    }

    [Fact]
    public void Tables_lists_code_and_quotes_keep_their_structure()
    {
        var html = _markdown.ToSafeHtml("""
            > quoted

            | Model | Score |
            |:------|------:|
            | A     | 1     |

            1. one
            2. two

            ```
            var x = 1 < 2;
            ```

            ~~old~~ and ==new==, ~2x faster, 2^10, C++ and C++.
            """);

        var body = Html.Body(html);
        Assert.NotNull(body.QuerySelector("blockquote p"));
        Assert.Equal("right", body.QuerySelector("td:last-child")!.GetAttribute("style")?.Replace("text-align:", "", StringComparison.Ordinal).Trim(' ', ';'));
        Assert.Equal(2, body.QuerySelectorAll("ol li").Length);
        Assert.Equal("var x = 1 < 2;\n", body.QuerySelector("pre code")!.TextContent);
        Assert.NotNull(body.QuerySelector("del"));
        Assert.NotNull(body.QuerySelector("mark"));
        Assert.Empty(body.QuerySelectorAll("sub, sup, ins"));
    }

    [Fact]
    public void Many_threads_rendering_at_once_get_the_same_html()
    {
        var markdown = SharedFixtures.SeedBody("2023-04-12-ai-auto-summary.md");
        var expected = _markdown.ToSafeHtml(markdown);

        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = _markdown.ToSafeHtml(markdown));

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    [Fact]
    public void Plain_text_has_the_words_without_markup()
    {
        var text = MarkdownRenderer.ToPlainText("## Title\n\nSome **bold** and [a link](https://x.example/).\n\n- one\n- two");

        Assert.Equal("Title Some bold and a link. one two", text);
    }
}
