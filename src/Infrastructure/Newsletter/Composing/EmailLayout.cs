using System.Globalization;
using System.Net;
using System.Text;

namespace Digest.Infrastructure.Newsletter.Composing;

/// <summary>
/// The frame every email shares: a single 600 px column in tables (what Outlook lays out), light colours inline, dark
/// colours in a <c>prefers-color-scheme</c> query for the clients that honour it (Apple Mail, iOS, Outlook.com through
/// <c>[data-ogsc]</c>), a hidden preheader for the inbox preview, and a footer that always shows the unsubscribe link.
/// </summary>
internal static class EmailLayout
{
    private const string DarkStyles = """
        :root { color-scheme: light dark; supported-color-schemes: light dark; }
        @media (prefers-color-scheme: dark) {
          .page { background-color: #1d1e20 !important; }
          .card { background-color: #2e2e33 !important; color: #dadadb !important; }
          .card h1, .card h2, .card h3, .card h4, .brand, .brand a { color: #f1f1f2 !important; }
          .muted, .muted a, .card blockquote { color: #a6a6a8 !important; }
          a { color: #8ab4f8 !important; }
          .notice { background-color: #2f2a1c !important; border-color: #e0b050 !important; color: #dadadb !important; }
          .card code, .card pre { background-color: #37383e !important; }
        }
        [data-ogsc] .page { background-color: #1d1e20 !important; }
        [data-ogsc] .card { background-color: #2e2e33 !important; color: #dadadb !important; }
        [data-ogsc] a { color: #8ab4f8 !important; }
        @media (max-width: 620px) { .card { padding: 18px !important; } }
        """;

    public static string Document(string title, string preheader, string siteTitle, Uri siteUrl, string bodyHtml, string footerHtml)
    {
        var html = new StringBuilder(bodyHtml.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(DarkStyles).Append("\n</style>\n</head>\n")
            .Append(CultureInfo.InvariantCulture, $"<body class=\"page\" style=\"margin:0;padding:0;background-color:{EmailPalette.Page};\">\n")
            // The preview line inboxes show after the subject; padded so the body's first words do not follow it there.
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:transparent;\">")
            .Append(Encode(preheader)).Append(string.Concat(Enumerable.Repeat("&#8199;&#847;", 40))).Append("</div>\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" class=\"page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:{EmailPalette.Page};\">\n")
            .Append("<tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width:600px;\">\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td class=\"brand\" style=\"padding:0 4px 12px;font-family:{EmailPalette.Font};font-size:15px;font-weight:bold;\">")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(siteUrl.AbsoluteUri)}\" style=\"color:{EmailPalette.Heading};text-decoration:none;\">{Encode(siteTitle)}</a></td></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td class=\"card\" style=\"background-color:{EmailPalette.Card};border-radius:8px;padding:28px;font-family:{EmailPalette.Font};font-size:16px;line-height:1.6;color:{EmailPalette.Text};\">\n")
            .Append(bodyHtml)
            .Append("\n</td></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td class=\"muted\" style=\"padding:16px 4px;font-family:{EmailPalette.Font};font-size:13px;line-height:1.5;color:{EmailPalette.Muted};\">\n")
            .Append(footerHtml)
            .Append("\n</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string Link(string href, string text) =>
        $"<a href=\"{Encode(href)}\" style=\"color:{EmailPalette.Link};text-decoration:underline;\">{Encode(text)}</a>";

    /// <summary>A call to action that still reads as a link where buttons are not drawn.</summary>
    public static string Button(string href, string text) =>
        $"<p style=\"margin:20px 0;\"><a href=\"{Encode(href)}\" style=\"display:inline-block;background-color:{EmailPalette.Link};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;\">{Encode(text)}</a></p>";

    public static string Notice(string html) =>
        $"<p class=\"notice\" style=\"margin:0 0 18px;padding:10px 14px;background-color:{EmailPalette.NoticeBackground};border-left:4px solid {EmailPalette.NoticeBorder};font-size:14px;line-height:1.5;\">{html}</p>";
}
