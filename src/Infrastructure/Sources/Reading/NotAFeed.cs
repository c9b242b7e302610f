namespace Digest.Infrastructure.Sources.Reading;

internal static class NotAFeed
{
    public static SourceFormatException Html(FetchedDocument document) =>
        new($"HTML page instead of a feed ({document.DescribeMediaType()})");
}
