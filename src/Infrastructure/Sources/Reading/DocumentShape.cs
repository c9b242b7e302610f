namespace Digest.Infrastructure.Sources.Reading;

public enum DocumentShape
{
    Unknown,
    Xml,
    Json,
    Html,
}
