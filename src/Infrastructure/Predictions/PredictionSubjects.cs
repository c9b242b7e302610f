using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Predictions;

/// <summary>
/// The old blog named the same subject many ways ("Artificial General Intelligence (AGI)", "AGI", "Artificial general
/// intelligence will be created", "Technological singularity will occur"); a chart needs one name per subject.
/// </summary>
public static partial class PredictionSubjects
{
    public const string Agi = "Artificial general intelligence (AGI)";
    public const string Singularity = "Technological singularity";
    public const string Asi = "Artificial superintelligence (ASI)";

    public static string Canonical(string? asWritten)
    {
        var text = Spaces().Replace(asWritten ?? "", " ").Trim().TrimEnd(':', '.').Trim();
        if (text.Length == 0)
        {
            return "(no subject)";
        }

        if (Superintelligence().IsMatch(text))
        {
            return Asi;
        }

        if (GeneralIntelligence().IsMatch(text))
        {
            return Agi;
        }

        return Singularity_().IsMatch(text) ? Singularity : char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bsuper\s?intelligence\b|\bASI\b", RegexOptions.IgnoreCase)]
    private static partial Regex Superintelligence();

    [GeneratedRegex(@"\bgeneral\s+(artificial\s+)?intelligence\b|\bAGI\b", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralIntelligence();

    [GeneratedRegex(@"\bsingularity\b", RegexOptions.IgnoreCase)]
    private static partial Regex Singularity_();
}
