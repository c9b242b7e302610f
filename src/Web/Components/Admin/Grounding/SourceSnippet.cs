using Digest.Infrastructure.Writing.Grounding;

namespace Digest.Web.Components.Admin.Grounding;

/// <summary>
/// The passage of a source a sentence rests on, cut for a tooltip: some words before, the matched text, some after.
/// Plain strings: the component renders them as text, so source text can never become markup.
/// </summary>
public sealed record SourceSnippet(SourceEvidence Source, string Before, string Match, string After)
{
    private const int Context = 90;

    public static SourceSnippet Of(IReadOnlyList<SourceEvidence> evidence, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(span);
        var source = evidence[span.Source];
        var text = source.CheckedText;
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.Start + span.Length, start, text.Length);
        var from = WordStart(text, Math.Max(0, start - Context));
        var to = WordEnd(text, Math.Min(text.Length, end + Context));
        return new SourceSnippet(
            source,
            (from > 0 ? "…" : "") + OneLine(text[from..start]),
            OneLine(text[start..end]),
            OneLine(text[end..to]) + (to < text.Length ? "…" : ""));
    }

    /// <summary>Only http(s) addresses become links; anything else a source sent is shown, not followed.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    private static int WordStart(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
