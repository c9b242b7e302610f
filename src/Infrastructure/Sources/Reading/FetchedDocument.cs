namespace Digest.Infrastructure.Sources.Reading;

/// <summary>The bytes a source answered with, and what the server said they were.</summary>
public sealed record FetchedDocument(Uri Url, byte[] Body, string? MediaType = null, string? Charset = null)
{
    public string DescribeMediaType() => MediaType ?? "no content type";
}
