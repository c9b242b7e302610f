using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Discussions;

/// <summary>Comment text as it is kept: plain text (markup removed), within the length caps.</summary>
internal static class CommentText
{
    /// <summary>Text that says there is no comment any more, as Reddit and moderators leave it.</summary>
    private static readonly HashSet<string> Gone = new(StringComparer.OrdinalIgnoreCase) { "[deleted]", "[removed]", "[ Removed by Reddit ]", "[removed by reddit]" };

    public static bool IsGone(string? text) => text is null || Gone.Contains(text.Trim());

    public static string Clip(string text, int max) => PlainText.Truncate(text, max);

    /// <summary>Keeps comments in order while their text fits in the thread's budget.</summary>
    public static IReadOnlyList<T> WithinBudget<T>(IEnumerable<T> comments, Func<T, string> text, CommentOptions options)
    {
        var kept = new List<T>();
        var used = 0;
        foreach (var comment in comments)
        {
            if (kept.Count >= options.MaxComments)
            {
                break;
            }

            var length = text(comment).Length;
            if (used + length > options.MaxThreadLength)
            {
                break;
            }

            kept.Add(comment);
            used += length;
        }

        return kept;
    }
}
