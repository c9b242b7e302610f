using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Digest.Domain.Generation;

namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// Puts a source item into a prompt as delimited data, with the top comments of its discussions when it has any.
/// The delimiter word cannot occur inside the data (it is rewritten), so text in a post or a comment cannot close
/// the block early and pose as instructions.
/// </summary>
public static partial class SourceBlock
{
    public const string Open = "<source_item>";
    public const string Close = "</source_item>";
    public const int MaxTextLength = 6_000;

    public static string Render(TopicBrief brief)
    {
        var text = string.IsNullOrWhiteSpace(brief.Excerpt)
            ? "(the source gives no text beyond the title)"
            : Truncate(brief.Excerpt.Trim());
        var block = new StringBuilder()
            .Append(Open).Append('\n')
            .Append("title: ").Append(Data(OneLine(brief.Title))).Append('\n')
            .Append("posted in: ").Append(Data(OneLine(brief.SourceName))).Append('\n')
            .Append("reception: ").Append(Reception(brief)).Append('\n');
        if (brief.PublishedAt is { } published)
        {
            block.Append("posted on: ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        block
            .Append("url: ").Append(Data(OneLine(brief.Url))).Append('\n')
            .Append("text:\n").Append(Data(text)).Append('\n');
        foreach (var thread in brief.Discussions)
        {
            AppendComments(block, thread);
        }

        return block.Append(Close).ToString();
    }

    /// <summary>
    /// The top comments of a discussion, one per line, inside the block: they are data like the item's text, and
    /// a comment is one line, so its text cannot start a line of its own that looks like a field of the block.
    /// </summary>
    private static void AppendComments(StringBuilder block, DiscussionThread thread)
    {
        block.Append("comments on ").Append(Data(OneLine(thread.SourceName))).Append(" (top comments of the discussion, as posted):\n");
        foreach (var comment in thread.Comments)
        {
            block.Append("- ").Append(Data(OneLine(comment.Author)));
            if (comment.Score is { } score)
            {
                block.Append(string.Create(CultureInfo.InvariantCulture, $", {score} points"));
            }

            block.Append(": ").Append(Data(OneLine(comment.Text))).Append('\n');
        }
    }

    private static string Reception(TopicBrief brief)
    {
        if (brief.Score is null && brief.Comments is null)
        {
            return "not published by this source";
        }

        var parts = new List<string>();
        if (brief.Score is { } score)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{score} points"));
        }

        if (brief.Comments is { } comments)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{comments} comments"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>Source text as it may appear inside a block: the delimiter word rewritten, so it cannot close the block.</summary>
    public static string Data(string text) => DelimiterWord().Replace(text, "source-item");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Truncate(string text) =>
        text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), " […]");

    [GeneratedRegex("source_item", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterWord();
}
