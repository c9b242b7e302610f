using System.Globalization;
using System.Net;

namespace Digest.Infrastructure.Publishing;

/// <summary>
/// The disclosure a reader is owed on every post, on the page and in the feeds: what wrote it and which
/// editor reviewed and approved it, when. A post nobody reviewed (an import from the old blog) says so.
/// </summary>
public static class Disclosure
{
    public static string Text(string? writtenBy, string? reviewedBy, DateTime? reviewedAt)
    {
        var writer = string.IsNullOrWhiteSpace(writtenBy) ? null : $"Writer: {writtenBy.Trim()}.";
        var review = string.IsNullOrWhiteSpace(reviewedBy)
            ? "Not reviewed by an editor."
            : reviewedAt is { } at
                ? $"Reviewed and approved by {reviewedBy.Trim()} on {at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."
                : $"Reviewed and approved by {reviewedBy.Trim()}.";
        return writer is null ? review : $"{writer} {review}";
    }

    /// <summary>The disclosure as an HTML paragraph, names encoded.</summary>
    public static string Html(string? writtenBy, string? reviewedBy, DateTime? reviewedAt) =>
        $"<p class=\"disclosure\"><em>{WebUtility.HtmlEncode(Text(writtenBy, reviewedBy, reviewedAt))}</em></p>";
}
