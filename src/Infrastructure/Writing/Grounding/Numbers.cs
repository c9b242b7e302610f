using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// Reads numbers the way people write them: thousands separators ("12,500", "12 500" with a narrow space), decimals,
/// multipliers ("14B", "2.5 million", "$3bn"), percentages ("97.3%", "97.3 %", "97.3 percent"), times ("3x", "3×")
/// and a unit word after the number ("40 runs", "12 GB"), so "97.3 %" and "97.3%", or "14B" and "14 billion", compare
/// equal.
/// </summary>
internal static partial class Numbers
{
    private static readonly Dictionary<string, double> Multipliers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["k"] = 1e3, ["thousand"] = 1e3, ["m"] = 1e6, ["mn"] = 1e6, ["million"] = 1e6, ["millions"] = 1e6,
        ["b"] = 1e9, ["bn"] = 1e9, ["billion"] = 1e9, ["billions"] = 1e9, ["t"] = 1e12, ["tn"] = 1e12, ["trillion"] = 1e12,
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["%"] = "%", ["percent"] = "%", ["per cent"] = "%", ["pct"] = "%", ["percentage"] = "%",
        ["x"] = "x", ["×"] = "x", ["times"] = "x", ["fold"] = "x",
        ["ms"] = "ms", ["millisecond"] = "ms", ["milliseconds"] = "ms", ["s"] = "s", ["sec"] = "s", ["second"] = "s", ["seconds"] = "s",
        ["min"] = "min", ["minute"] = "min", ["minutes"] = "min", ["h"] = "h", ["hour"] = "h", ["hours"] = "h", ["hr"] = "h",
        ["day"] = "day", ["days"] = "day", ["week"] = "week", ["weeks"] = "week", ["month"] = "month", ["months"] = "month",
        ["year"] = "year", ["years"] = "year", ["kb"] = "kb", ["mb"] = "mb", ["gb"] = "gb", ["tb"] = "tb",
        ["token"] = "token", ["tokens"] = "token", ["parameter"] = "param", ["parameters"] = "param", ["params"] = "param",
        ["gpu"] = "gpu", ["gpus"] = "gpu", ["point"] = "point", ["points"] = "point", ["pts"] = "point", ["comment"] = "comment",
        ["comments"] = "comment", ["run"] = "run", ["runs"] = "run", ["layer"] = "layer", ["layers"] = "layer", ["bit"] = "bit",
        ["bits"] = "bit", ["user"] = "user", ["users"] = "user", ["star"] = "star", ["stars"] = "star", ["language"] = "language",
        ["languages"] = "language", ["image"] = "image", ["images"] = "image", ["example"] = "example", ["examples"] = "example",
        ["sample"] = "sample", ["samples"] = "sample", ["step"] = "step", ["steps"] = "step", ["epoch"] = "epoch",
        ["epochs"] = "epoch", ["expert"] = "expert", ["experts"] = "expert", ["ticket"] = "ticket", ["tickets"] = "ticket",
        ["word"] = "word", ["words"] = "word", ["page"] = "page", ["pages"] = "page", ["video"] = "video", ["videos"] = "video",
        ["hz"] = "hz", ["ghz"] = "ghz", ["w"] = "w", ["watt"] = "w", ["watts"] = "w", ["kw"] = "kw", ["mw"] = "mw",
        ["dollar"] = "$", ["dollars"] = "$", ["usd"] = "$", ["euro"] = "€", ["euros"] = "€", ["eur"] = "€",
    };

    private static readonly HashSet<string> Approximators = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "around", "roughly", "nearly", "almost", "approximately", "some", "circa", "approx", "over", "under", "~",
    };

    /// <summary>Whether a token is a number (possibly with a multiplier, percent or times sign, an ordinal or "1-bit").</summary>
    public static bool IsNumber(string token) =>
        token.Length > 0 && (char.IsDigit(token[0]) || (token.Length > 1 && token[0] is '$' or '€' or '£' or '¥' && char.IsDigit(token[1])))
        && (NumberToken().IsMatch(token) || Ordinal().IsMatch(token) || NumberUnit().IsMatch(token));

    /// <summary>
    /// The number at <paramref name="index"/> with what follows it (a multiplier word, a unit word, a detached %),
    /// or null when the token is no number. <paramref name="used"/> is how many tokens it took.
    /// </summary>
    public static NumberValue? Read(string text, List<Token> tokens, int index, out int used, out int end)
    {
        used = 1;
        var token = tokens[index];
        end = token.End;
        double value;
        var unit = "";
        // The plain form first: it is by far the most common, and the others need not be tried then.
        var match = NumberToken().Match(token.Text);
        if (match.Success)
        {
            value = Parse(match.Groups["n"].ValueSpan);
            if (match.Groups["mult"].Success && Multipliers.TryGetValue(match.Groups["mult"].Value, out var times))
            {
                value *= times;
            }

            unit = match.Groups["cur"].Success ? match.Groups["cur"].Value
                : match.Groups["sign"].Success ? Units[match.Groups["sign"].Value]
                : "";
        }
        else if (NumberUnit().Match(token.Text) is { Success: true } numberUnit)
        {
            value = Parse(numberUnit.Groups["n"].ValueSpan);
            unit = Units.TryGetValue(numberUnit.Groups["u"].Value, out var u) ? u : numberUnit.Groups["u"].Value.ToLowerInvariant();
        }
        else if (Ordinal().Match(token.Text) is { Success: true } ordinal)
        {
            value = Parse(ordinal.Groups["n"].ValueSpan);
        }
        else
        {
            return null;
        }

        // A percent sign set apart: "97.3 %".
        var after = end;
        while (after < text.Length && text[after] is ' ' or '\u00A0' or '\u202F')
        {
            after++;
        }

        if (unit.Length == 0 && after < text.Length && text[after] == '%')
        {
            unit = "%";
            end = after + 1;
        }

        // Words after it: a multiplier ("2.5 million"), then a unit ("parameters", "percent").
        var next = index + 1;
        if (unit.Length == 0 && next < tokens.Count && Tokens.Adjacent(text, tokens[next - 1], tokens[next])
            && Multipliers.TryGetValue(tokens[next].Text, out var word) && tokens[next].Text.Length > 2)
        {
            value *= word;
            end = tokens[next].End;
            next++;
        }

        if ((unit.Length == 0 || unit is "$" or "€" or "£" or "¥") && next < tokens.Count && Tokens.Adjacent(text, tokens[next - 1], tokens[next]))
        {
            var candidate = tokens[next].Text.ToLowerInvariant();
            if (candidate == "per" && next + 1 < tokens.Count && tokens[next + 1].Text.Equals("cent", StringComparison.OrdinalIgnoreCase))
            {
                unit = "%";
                end = tokens[next + 1].End;
                next += 2;
            }
            else if (Units.TryGetValue(candidate, out var named) && (unit.Length == 0 || named == unit))
            {
                unit = named;
                end = tokens[next].End;
                next++;
            }
        }

        used = next - index;
        var approximate = index > 0 && Approximators.Contains(tokens[index - 1].Text) || token.Start > 0 && text[token.Start - 1] == '~';
        return new NumberValue(value, unit, approximate);
    }

    /// <summary>A plain four-digit year, 1900–2100: read as a date unless a unit follows.</summary>
    public static bool IsYear(string token, out int year) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out year) && token.Length == 4 && year is >= 1900 and <= 2100;

    /// <summary>"1 000 000" with narrow or no-break spaces as thousands separators becomes "1,000,000" (same length, so places do not move).</summary>
    public static string JoinThousands(string text) => SpacedThousands().Replace(text, "$1,$2");

    private static double Parse(ReadOnlySpan<char> digits)
    {
        Span<char> plain = stackalloc char[digits.Length];
        var length = 0;
        foreach (var c in digits)
        {
            if (c != ',')
            {
                plain[length++] = c;
            }
        }

        return double.Parse(plain[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<cur>[$€£¥])?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<mult>k|K|m|M|b|B|bn|mn|tn|T)?(?<sign>%|x|×)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^(?<n>\d+)(?:st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)-(?<u>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberUnit();

    [GeneratedRegex(@"(\d)[\u00A0\u202F\u2009](\d{3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedThousands();
}
