using System.Text;
using System.Xml;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>Values shared by the feed writers: ordering, dates, and text that XML can carry.</summary>
internal static class FeedValues
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Newest first, ties broken by id so the bytes (and the ETag) only change when the posts do.</summary>
    public static IReadOnlyList<FeedEntry> Ordered(IReadOnlyList<FeedEntry> entries) =>
        [.. entries.OrderByDescending(e => Utc(e.PublishedAt)).ThenBy(e => e.FeedId, StringComparer.Ordinal)];

    public static DateTime? LastChange(FeedChannel channel, IReadOnlyList<FeedEntry> entries)
    {
        DateTime? newest = channel.LastChange is { } change ? Utc(change) : null;
        foreach (var entry in entries)
        {
            var changed = Max(Utc(entry.PublishedAt), Utc(entry.UpdatedAt));
            newest = newest is null ? changed : Max(newest.Value, changed);
        }

        return newest;
    }

    /// <summary>Dates are stored in UTC; a provider may hand them back unspecified, never in local time.</summary>
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime Updated(FeedEntry entry) => Max(Utc(entry.PublishedAt), Utc(entry.UpdatedAt));

    /// <summary>Removes what XML 1.0 cannot carry at all (control characters, lone surrogates); escaping does the rest.</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                if (pair)
                {
                    builder?.Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
        }

        return builder?.ToString() ?? text;
    }

    private static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;
}
