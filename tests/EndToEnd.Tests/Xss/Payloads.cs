using System.Net;

namespace Digest.EndToEnd.Tests.Xss;

/// <summary>
/// Our own list of 100 markup payloads, each of which calls <c>xss(n)</c> when it runs: classic tags and handlers,
/// URL schemes, mutation and parser-confusion tricks, entity- and percent-encoded forms (so a reader that decodes
/// once too often is caught too), and Markdown that turns into links or images.
/// </summary>
internal static class Payloads
{
    private static readonly string[] Templates =
    [
        "<script>xss({0})</script>",
        "<img src=x onerror=xss({0})>",
        "<svg onload=xss({0})>",
        "<svg/onload=xss({0})>",
        "<body onload=xss({0})>",
        "<iframe srcdoc=\"<script>parent.xss({0})</script>\"></iframe>",
        "<iframe src=\"javascript:parent.xss({0})\"></iframe>",
        "<iframe src=\"data:text/html,<script>parent.xss({0})</script>\"></iframe>",
        "<a href=\"javascript:xss({0})\">click</a>",
        "<a href=\"JaVaScRiPt:xss({0})\">click</a>",
        "<a href=\"jav&#x09;ascript:xss({0})\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;xss({0})\">click</a>",
        "<a href=\" javascript:xss({0})\">click</a>",
        "<input autofocus onfocus=xss({0})>",
        "<details open ontoggle=xss({0})>x</details>",
        "<video><source onerror=xss({0})></video>",
        "<audio src=x onerror=xss({0})></audio>",
        "<object data=\"javascript:xss({0})\"></object>",
        "<embed src=\"javascript:xss({0})\">",
        "<form action=\"javascript:xss({0})\"><button id=f{0}>go</button></form>",
        "<math><a xlink:href=\"javascript:xss({0})\">click</a></math>",
        "<svg><a xlink:href=\"javascript:xss({0})\"><text y=20>click</text></a></svg>",
        "<svg><script>xss({0})</script></svg>",
        "<svg><animate onbegin=xss({0}) attributeName=x dur=1s></svg>",
        "<marquee onstart=xss({0})>x</marquee>",
        "<div style=\"animation-name:spin\" onanimationstart=xss({0})>x</div>",
        "<div onmouseover=xss({0})>hover</div>",
        "<p onclick=xss({0})>click</p>",
        "\"><script>xss({0})</script>",
        "'><img src=x onerror=xss({0})>",
        "</title><script>xss({0})</script>",
        "</textarea><script>xss({0})</script>",
        "]]><script>xss({0})</script>",
        "<![CDATA[<script>xss({0})</script>]]>",
        "<!--><script>xss({0})</script>-->",
        "<scr<script>ipt>xss({0})</scr</script>ipt>",
        "<noscript><p title=\"</noscript><img src=x onerror=xss({0})>\"></noscript>",
        "<math><mtext><table><mglyph><style><img src=x onerror=xss({0})>",
        "<svg></p><style><a id=\"</style><img src=x onerror=xss({0})>\">",
        "<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id=\"</textarea><img src=x onerror=xss({0})>\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:xss({0})\">",
        "<base href=\"javascript:xss({0})//\"><a href=\"x\">click</a>",
        "<link rel=stylesheet href=\"javascript:xss({0})\">",
        "<style>@import 'javascript:xss({0})';</style>",
        "<img src=\"x\" style=\"x:expression(xss({0}))\" onerror=\"xss({0})\">",
        "<isindex type=image src=1 onerror=xss({0})>",
        "<template><img src=x onerror=xss({0})></template><script>document.body.append(document.querySelector('template').content)</script>",
        "[click](javascript:xss({0}))",
        "![x](x \"a\\\" onerror=\\\"xss({0})\")",
        "<img src=x:x onerror=\"window['x'+'ss']({0})\">",
    ];

    /// <summary>The 100 payloads: the 50 templates as they are, then each encoded once as HTML or as a URL would be.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. Templates.Select((t, i) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, i + 1)),
        .. Templates.Select((t, i) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, i + 51))
            .Select((p, i) => i % 2 == 0 ? WebUtility.HtmlEncode(p) : Uri.EscapeDataString(p)),
    ];
}
