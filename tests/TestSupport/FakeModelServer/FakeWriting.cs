using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Digest.TestSupport.FakeModelServer;

/// <summary>
/// Answers that read the prompt like a model would, for tests of grounding: <see cref="Faithful"/> writes only what
/// the source block says (its first sentences, its top comment) plus commentary with nothing to check;
/// <see cref="Inventing"/> writes the same and adds a number, a person and a lab that no source contains. Asked for a
/// second opinion (a schema with "unsupported"), the faithful model finds nothing and the inventing one lists what
/// it invented. Other schemas get <see cref="SchemaAnswer"/>'s answer.
/// </summary>
public static partial class FakeWriting
{
    /// <summary>The invented statements, one per kind the check must catch.</summary>
    public const string InventedNumber = "The authors report 93.7% accuracy on a held-out set.";
    public const string InventedPerson = "Dr. Ingrid Okonkwo called the result a breakthrough.";
    public const string InventedLab = "Researchers at Quillfeather Labs reproduced it independently.";

    public const string NoComments = "The post does not say how the result holds up outside its own tests.";

    public static FakeReply Faithful(RecordedModelRequest request) => Answer(request, invent: false);

    public static FakeReply Inventing(RecordedModelRequest request) => Answer(request, invent: true);

    private static FakeReply Answer(RecordedModelRequest request, bool invent)
    {
        var properties = request.JsonSchema is { } schema && schema.TryGetProperty("properties", out var p)
            ? p.EnumerateObject().Select(x => x.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var source = Source.Read(request.UserPrompt);
        if (properties.Contains("unsupported"))
        {
            var flagged = new JsonArray();
            if (invent)
            {
                foreach (var sentence in new[] { InventedNumber, InventedPerson, InventedLab }.Where(s => request.UserPrompt.Contains(s, StringComparison.Ordinal)))
                {
                    flagged.Add(new JsonObject { ["sentence"] = sentence, ["reason"] = "the source does not say this" });
                }
            }

            return FakeReply.Json(new JsonObject { ["unsupported"] = flagged }.ToJsonString());
        }

        if (properties.Contains("benefits"))
        {
            var comment = source.Comments.Count > 0 ? source.Comments[0] : null;
            var answer = new JsonObject
            {
                ["summary"] = source.FirstSentence,
                ["benefits"] = "If the result holds, teams with less hardware could try the same approach." + (invent ? " " + InventedNumber : ""),
                ["ramifications"] = (comment is null ? NoComments : $"One commenter wrote: {comment}") + (invent ? $" {InventedPerson} {InventedLab}" : ""),
                ["thread"] = comment is null ? "" : $"Commenters discussed the post; one wrote: {comment}",
            };
            return FakeReply.Json(answer.ToJsonString());
        }

        if (properties.Count == 1 && properties.Contains("summary"))
        {
            var summary = source.FirstSentence.Length == 0 ? "Headline only; the source gives no details." : source.FirstSentence;
            return FakeReply.Json(new JsonObject { ["summary"] = summary + (invent ? " " + InventedNumber : "") }.ToJsonString());
        }

        return SchemaAnswer.For(request);
    }

    /// <summary>The parts of the first source block of a prompt a model would quote from.</summary>
    private sealed record Source(string FirstSentence, IReadOnlyList<string> Comments)
    {
        public static Source Read(string prompt)
        {
            var block = Block().Match(prompt);
            if (!block.Success)
            {
                return new Source("", []);
            }

            var text = block.Groups["text"].Value.Trim();
            var comments = CommentLine().Matches(block.Groups["comments"].Value).Select(m => FirstOf(m.Groups["text"].Value)).Where(c => c.Length > 0).ToList();
            return new Source(text.StartsWith("(the source gives no text", StringComparison.Ordinal) ? "" : FirstOf(text), comments);
        }

        private static string FirstOf(string text)
        {
            var end = Sentence().Match(text);
            return (end.Success ? text[..(end.Index + 1)] : text).Trim();
        }
    }

    [GeneratedRegex(@"<source_item>.*?\ntext:\n(?<text>.*?)\n(?:comments on [^\n]*\n(?<comments>.*?))?</source_item>", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^- [^:\n]+: (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"[.!?](?=\s+[A-Z""])")]
    private static partial Regex Sentence();
}
