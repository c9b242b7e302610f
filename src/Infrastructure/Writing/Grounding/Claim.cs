namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>What kind of checkable fact a piece of a sentence states.</summary>
public enum ClaimKind
{
    /// <summary>A number, with its unit or percentage sign when it has one ("97.3 %", "14B parameters", "$2 million").</summary>
    Number,
    /// <summary>A date or a year ("March 2031", "2025-02-04", "in 2024").</summary>
    Date,
    /// <summary>A person, an organisation, or a model or product name ("Yann LeCun", "Google DeepMind", "GPT-4o").</summary>
    Name,
    /// <summary>Text in quotation marks.</summary>
    Quote,
}

/// <summary>One checkable fact of a sentence, where it is in the sentence, and what it is compared by.</summary>
internal sealed record Claim(ClaimKind Kind, string Text, int Start, int Length)
{
    /// <summary>Names and quotes: the letters and digits, folded (see <see cref="GroundingText.Squash"/>).</summary>
    public string Squashed { get; init; } = "";

    /// <summary>Names of several words: the distinctive words, any of which found is enough (a surname, "DeepMind" of "Google DeepMind").</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    public NumberValue? Number { get; init; }

    public DateKey? Date { get; init; }
}

/// <summary>A number's value (multipliers applied: 14B is 14 000 000 000) and its unit in one canonical spelling, or "" without one.</summary>
internal readonly record struct NumberValue(double Value, string Unit, bool Approximate)
{
    public bool Matches(NumberValue source)
    {
        var tolerance = Approximate ? Math.Abs(Value) * 0.1 : Math.Max(1, Math.Abs(Value)) * 1e-9;
        if (Math.Abs(Value - source.Value) > tolerance)
        {
            return false;
        }

        // "40%" is not "40 runs"; a bare "40" may be either.
        return Unit.Length == 0 || source.Unit.Length == 0 || Unit == source.Unit;
    }
}

/// <summary>A date as precise as it was written: year, month and day where given (0 for what is missing).</summary>
internal readonly record struct DateKey(int Year, int Month, int Day)
{
    /// <summary>Whether a source date says at least what this one says.</summary>
    public bool IsSupportedBy(DateKey source) =>
        (Year == 0 || Year == source.Year) && (Month == 0 || Month == source.Month) && (Day == 0 || Day == source.Day);
}
