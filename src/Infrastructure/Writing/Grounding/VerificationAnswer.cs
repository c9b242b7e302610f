using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>The second opinion's answer: the statements of a section that its sources do not support.</summary>
[Description("Statements in the text that the source text does not support.")]
public sealed record VerificationAnswer(
    [property: JsonPropertyName("unsupported"), Description("Every statement of the text that the source text does not support; an empty list when all are supported.")]
    IReadOnlyList<UnsupportedStatement> Unsupported) : IModelAnswer
{
    public const int MaxStatements = 30;

    public IReadOnlyList<string> Problems(DateOnly edition)
    {
        if (Unsupported is null)
        {
            return ["\"unsupported\" is missing: send an empty list when every statement is supported"];
        }

        if (Unsupported.Count > MaxStatements)
        {
            return [$"\"unsupported\" lists more than {MaxStatements} statements"];
        }

        return Unsupported.Any(s => s is null || string.IsNullOrWhiteSpace(s.Sentence))
            ? ["every entry of \"unsupported\" needs the \"sentence\" it is about, copied from the text"]
            : [];
    }
}

[Description("One statement the source text does not support.")]
public sealed record UnsupportedStatement(
    [property: JsonPropertyName("sentence"), Description("The sentence, copied exactly from the text.")] string Sentence,
    [property: JsonPropertyName("reason"), Description("What in it the source text does not support, in a few words.")] string Reason);
