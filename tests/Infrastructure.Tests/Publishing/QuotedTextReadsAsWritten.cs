using System.Net;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;
using Markdig;

namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>Source text quoted into a draft is what the editor reads in the form: no backslash where none is needed, no markup where the source had none.</summary>
public sealed class QuotedTextReadsAsWritten
{
    [Theory]
    [InlineData("the data mixture recipe (but not the data), and an evaluation report.")]
    [InlineData("Is this the end of RAG? Yes! {maybe} \"quoted\" 'single' 50% + 3 = 53; a/b")]
    [InlineData("snake_case_names and dotted.names stay; C# and F# too")]
    [InlineData("[N] Kestrel-VL: a 12B open-weights model")]
    public void Plain_prose_keeps_every_character_and_gains_no_backslash(string text)
    {
        var escaped = LiteralMarkdown.EscapeLine(text);

        if (!text.Contains('[', StringComparison.Ordinal))
        {
            Assert.Equal(text, escaped);
        }

        Assert.Equal(text, Rendered(escaped));
    }

    [Theory]
    [InlineData("**bold** and *it* and _under_ and `code`")]
    [InlineData("[a link](javascript:alert(1)) and ![img](x.png) and [^1]")]
    [InlineData("<script>alert(1)</script> &amp; &#169; <b>bold</b>")]
    [InlineData("# not a heading")]
    [InlineData("> not a quote")]
    [InlineData("- not a list")]
    [InlineData("+ not a list")]
    [InlineData("1. not a list")]
    [InlineData("2) not a list")]
    [InlineData("---")]
    [InlineData("~~not struck~~ ==not marked== a | b | c")]
    [InlineData("ends with a backslash \\")]
    [InlineData("a \\* backslash before punctuation")]
    [InlineData("        indented like code")]
    public void Markdown_in_source_text_shows_as_the_characters_it_is(string text)
    {
        var quoted = "> " + LiteralMarkdown.EscapeLine(text);
        var html = Markdown.ToHtml(quoted, MarkdownRenderer.Pipeline);

        Assert.Equal(text.Trim(), Rendered(quoted));
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "</?([a-z0-9]+)").Select(m => m.Groups[1].Value).Distinct();
        Assert.Equal(["blockquote", "p"], tags.Order(StringComparer.Ordinal));
    }

    private static string Rendered(string markdown) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Markdown.ToHtml(markdown, MarkdownRenderer.Pipeline), "<[^>]+>", "")).Trim();
}
