using System.Text.RegularExpressions;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Reads one item of "GPT predicts future events". The old model put the predicted date in many places: after the
/// subject in parentheses, inside the bold, after a colon, as the first nested item, at the start of the rationale
/// (<c>2030: I predict…</c>), or only inside the rationale. The subject becomes the heading, the date is kept as
/// written (<c>March 2027</c>, <c>2030</c>, <c>2030-2040</c>, <c>2045 (November)</c>), the rationale is the body.
/// </summary>
internal static partial class HousePredictionReader
{
    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Qualifier = @"(?:early|mid|late|around|by|circa|spring|summer|autumn|fall|winter|end of|beginning of|q[1-4])";

    public static HugoSection Read(HouseChunk chunk)
    {
        var first = chunk.First;
        string lead = first;
        string? inline = null;
        var colon = MarkdownText.ColonOutsideStrong(first);
        if (colon >= 0)
        {
            lead = first[..colon];
            inline = first[(colon + 1)..].Trim();
        }

        var (heading, when) = SplitLead(lead);
        if (when is null && inline is not null && AsDate(inline) is { } inlineDate)
        {
            when = inlineDate;
            inline = null;
        }

        var under = MarkdownText.Block(chunk.Lines);
        if (MarkdownText.BulletItems(under) is { } items)
        {
            // The 2023 layout: "- July 2032" then "- rationale" under the subject.
            if (when is null && AsDate(items[0]) is { } itemDate)
            {
                when = itemDate;
                items.RemoveAt(0);
            }

            under = items.Count == 1 ? items[0] : MarkdownText.Bullets(items);
        }

        var body = inline is null || inline.Length == 0 ? under
            : under.Length == 0 ? inline
            : inline + (chunk.Lines.Count > 0 && MarkdownText.IsBlank(chunk.Lines[0]) ? "\n\n" : "\n") + under;
        if (when is null && LeadingDate().Match(body) is { Success: true } leading && AsDate(leading.Groups["when"].Value) is { } leadingDate)
        {
            when = leadingDate;
            body = body[leading.Length..].TrimStart();
        }

        // Some days the date only appears inside the rationale, "within the next 10-20 years (2031-2041)".
        when ??= DateInText().Match(body) is { Success: true } inText ? inText.Groups["when"].Value : null;
        return Section(heading, when, body);
    }

    public static HugoSection WithRationale(HugoSection prediction, string rationale) =>
        prediction with { Text = prediction.Text with { Body = rationale } };

    public static bool IsLabel(string text) => Label().IsMatch(text);

    /// <summary>True when the whole text is a predicted date ("2030", "March 2027", "(2035-2040)").</summary>
    public static bool IsDate(string text) => AsDate(text) is not null;

    private static HugoSection Section(string heading, string? when, string body) =>
        new(SectionKind.Prediction, new SectionText(
            heading.Length == 0 ? null : heading,
            body.Length == 0 ? null : body,
            PredictedWhen: when));

    private static (string Heading, string? When) SplitLead(string lead)
    {
        var plain = MarkdownText.WithoutStrong(lead).Trim().TrimEnd(':').TrimEnd();
        if (MarkdownText.TryTrailingParentheses(plain, out var before, out var inner) && AsDate(MarkdownText.Unescape(inner)) is { } when)
        {
            return (Heading(before), when);
        }

        return (Heading(plain), null);
    }

    private static string Heading(string markdown) => MarkdownText.Unescape(markdown).Trim().TrimEnd(':').TrimEnd();

    /// <summary>The text as a predicted date, without wrapping parentheses; null when it is not one.</summary>
    private static string? AsDate(string text)
    {
        var trimmed = MarkdownText.Unescape(text).Trim();
        if (trimmed.Length > 2 && trimmed[0] == '(' && trimmed[^1] == ')')
        {
            trimmed = trimmed[1..^1].Trim();
        }

        return DateText().IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex(@"^(?:" + Qualifier + @"[\s-]*(?:of\s+)?)?(?:" + Month + @"\s+(?:\d{1,2},?\s+)?)?\d{4}s?(?:\s*(?:-|–|—|to)\s*(?:" + Qualifier + @"[\s-]*)?(?:" + Month + @"\s+)?\d{4}s?)?(?:\s*\((?:" + Month + "|" + Qualifier + @")\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateText();

    [GeneratedRegex(@"^(?<when>[^:\n]{4,40}):\s")]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"\((?<when>(?:" + Month + @"\s+)?\d{4}(?:\s*[-–]\s*\d{4})?)\)", RegexOptions.IgnoreCase)]
    private static partial Regex DateInText();

    [GeneratedRegex(@"^[*_]{0,2}Predictions?[*_]{0,2}\s*:\s*[*_]{0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
