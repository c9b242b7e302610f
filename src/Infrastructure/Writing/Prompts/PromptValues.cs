using System.Globalization;
using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>The values the writer fills the prompts' slots with; the dry run fills them the same way.</summary>
public static class PromptValues
{
    public static Dictionary<string, string> ForSource(TopicBrief brief) => new() { ["source"] = SourceBlock.Render(brief) };

    public static Dictionary<string, string> ForPrediction(string subject, DateOnly edition) => new()
    {
        ["subject"] = subject,
        ["edition"] = edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The current text goes in delimited like source text: it may be an earlier model answer.</summary>
    public static Dictionary<string, string> ForRewrite(SectionText current, string? instruction)
    {
        ArgumentNullException.ThrowIfNull(current);
        var parts = new List<string>();
        Add(parts, "summary", current.Body);
        Add(parts, "benefits", current.Benefits);
        Add(parts, "ramifications", current.Ramifications);
        Add(parts, "predictedWhen", current.PredictedWhen);
        Add(parts, "thread", current.Thread);
        var text = parts.Count == 0 ? "(nothing written yet)" : string.Join("\n", parts);
        return new()
        {
            ["instruction"] = string.IsNullOrWhiteSpace(instruction) ? "(none: write a better version)" : instruction.Trim().ReplaceLineEndings(" "),
            ["current"] = text.Replace("current_text", "current-text", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// The verification prompt's slots: the sources as one delimited block (<paramref name="sources"/>, already
    /// rendered) and the section's text between its own delimiters, which its text cannot close.
    /// </summary>
    public static Dictionary<string, string> ForVerification(string sources, string text) => new()
    {
        ["source"] = sources,
        ["section"] = (text ?? "").Replace("text_to_check", "text-to-check", StringComparison.OrdinalIgnoreCase).Trim(),
    };

    private static void Add(List<string> parts, string name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            parts.Add($"{name}: {text.Trim()}");
        }
    }
}
