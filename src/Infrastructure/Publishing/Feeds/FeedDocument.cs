using System.Security.Cryptography;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>
/// A written feed: UTF-8 bytes to copy to the response asynchronously, its content type, the newest change
/// it shows (for Last-Modified) and a strong ETag over the bytes.
/// </summary>
public sealed record FeedDocument(byte[] Content, string ContentType, DateTime? LastModified)
{
    public string ETag { get; } = "\"" + Convert.ToHexStringLower(SHA256.HashData(Content).AsSpan(0, 16)) + "\"";
}

/// <summary>One feed format. Writers are synchronous into memory: Kestrel forbids synchronous I/O on the response.</summary>
public interface IFeedWriter
{
    string ContentType { get; }

    FeedDocument Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries);
}
