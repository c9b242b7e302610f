namespace Digest.Domain.Posts;

public enum PostStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Rejected,
}
