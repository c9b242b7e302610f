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

        // A subject that names several ("Technological singularity, following AGI") is about the one it names first.
        var named = new (Regex Pattern, string Subject)[] { (Superintelligence(), Asi), (GeneralIntelligence(), Agi), (Singularity_(), Singularity) }
            .Select(s => (Match: s.Pattern.Match(text), s.Subject))
            .Where(s => s.Match.Success)
            .OrderBy(s => s.Match.Index)
            .Select(s => s.Subject)
            .FirstOrDefault();
        return named ?? char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>True for a subject a chart can have a series of: a known one, or a short name (not a date, not a sentence).</summary>
    public static bool IsSubject(string canonical) =>
        canonical is Agi or Singularity or Asi
        || (canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && !Year().IsMatch(canonical) && !canonical.Contains(". ", StringComparison.Ordinal) && canonical != "(no subject)");

    [GeneratedRegex(@"\b\d{4}s?\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bsuper\s?intelligence\b|\bASI\b", RegexOptions.IgnoreCase)]
    private static partial Regex Superintelligence();

    [GeneratedRegex(@"\bgeneral\s+(artificial\s+)?intelligence\b|\bAGI\b", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralIntelligence();

    [GeneratedRegex(@"\bsingularity\b", RegexOptions.IgnoreCase)]
    private static partial Regex Singularity_();
}
