using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Offline;

/// <summary>
/// The embedded default: no model and no network. It never invents text; a topic carries what its source
/// says, quoted and marked as not yet summarised (<see cref="WriterMarks"/>), and Benefits and Ramifications are left
/// for the editor to write. Approval is blocked until they are written and the quote is replaced, or an editor overrides.
/// </summary>
public sealed class OfflineDigestWriter : IDigestWriter
{
    public const string WriterName = "offline (no model)";
    private const int MaxExcerpt = 700;

    public string Name => WriterName;

    public Task<SectionText> WriteTopicAsync(TopicBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new SectionText(brief.Title, Quote(brief)));

    public Task<SectionText> WriteTrendingAsync(TopicBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new SectionText(brief.Title, null));

    public Task<IReadOnlyList<SectionText>> WritePredictionsAsync(IReadOnlyList<string> subjects, DateOnly edition, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SectionText>>([]);

    private static string? Quote(TopicBrief brief)
    {
        if (string.IsNullOrWhiteSpace(brief.Excerpt))
        {
            return null;
        }

        var excerpt = Trim(brief.Excerpt.Trim(), MaxExcerpt);
        var quoted = string.Join("\n", excerpt.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + LiteralMarkdown.EscapeLine(line)));
        return $"{quoted}\n\n{WriterMarks.QuotedNotSummarised(brief.SourceName)}";
    }

    private static string Trim(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd() + " …";
    }
}
