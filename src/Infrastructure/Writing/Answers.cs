using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Writing;

/// <summary>
/// An answer the model gives as JSON; <see cref="Problems"/> says why it cannot be used (empty when it can).
/// Properties are declared non-null so the schema asks for strings, but a model may still send null or leave
/// one out, which <see cref="Problems"/> reports.
/// </summary>
public interface IModelAnswer
{
    IReadOnlyList<string> Problems(DateOnly edition);
}

[Description("One topic of the digest.")]
public sealed record TopicAnswer(
    [property: JsonPropertyName("summary"), Description("What the post is about, in one or two sentences.")] string Summary,
    [property: JsonPropertyName("benefits"), Description("Possible benefits, one paragraph.")] string Benefits,
    [property: JsonPropertyName("ramifications"), Description("Possible risks or downsides, one paragraph.")] string Ramifications,
    [property: JsonPropertyName("thread"), Description("What the commenters in the discussion raised, in one sentence; an empty string when the source has no comments.")] string? Thread = null) : IModelAnswer
{
    public IReadOnlyList<string> Problems(DateOnly edition) =>
        [.. AnswerRules.Paragraph("benefits", Benefits), .. AnswerRules.Paragraph("ramifications", Ramifications), .. AnswerRules.Optional("summary", Summary), .. AnswerRules.Optional("thread", Thread)];
}

[Description("One trending headline of the digest.")]
public sealed record TrendingAnswer(
    [property: JsonPropertyName("summary"), Description("What the item reports, in one sentence.")] string Summary) : IModelAnswer
{
    public IReadOnlyList<string> Problems(DateOnly edition) => AnswerRules.Paragraph("summary", Summary);
}

[Description("A prediction of when something will happen.")]
public sealed record PredictionAnswer(
    [property: JsonPropertyName("predictedWhen"), Description("Month and year, or a range of years.")] string PredictedWhen,
    [property: JsonPropertyName("rationale"), Description("Why, one paragraph.")] string Rationale) : IModelAnswer
{
    public IReadOnlyList<string> Problems(DateOnly edition)
    {
        var problems = new List<string>(AnswerRules.Paragraph("rationale", Rationale));
        var years = AnswerRules.Years(PredictedWhen);
        if (years.Count == 0)
        {
            problems.Add("\"predictedWhen\" must name a year, e.g. \"March 2031\"");
        }
        else if (years.Max() < edition.Year)
        {
            problems.Add($"\"predictedWhen\" must not be before {edition.Year}");
        }

        return problems;
    }
}

internal static partial class AnswerRules
{
    private const int MaxLength = 2_500;
    private static readonly string[] Placeholders = ["todo", "tbd", "n/a", "lorem ipsum", "placeholder", "..."];

    public static IReadOnlyList<string> Paragraph(string name, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return [$"\"{name}\" is missing or empty"];
        }

        if (Placeholders.Any(p => trimmed.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return [$"\"{name}\" is a placeholder, not text"];
        }

        return trimmed.Length > MaxLength ? [$"\"{name}\" is longer than {MaxLength} characters"] : [];
    }

    public static IReadOnlyList<string> Optional(string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Paragraph(name, text);

    public static IReadOnlyList<int> Years(string? text) =>
        text is null ? [] : [.. Year().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\b(20|21)\d{2}\b")]
    private static partial Regex Year();
}
