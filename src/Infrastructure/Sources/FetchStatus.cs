namespace Digest.Infrastructure.Sources;

public enum FetchStatus
{
    Succeeded,
    NotModified,
    Failed,
}
