namespace Digest.Domain.Posts;

/// <summary>One step of a post's workflow: who moved it from which status to which, when, and why.</summary>
public sealed class PostTransition
{
    private PostTransition() { }

    internal PostTransition(PostStatus from, PostStatus to, string by, DateTime at, string? note)
    {
        From = from;
        To = to;
        By = by;
        At = at;
        Note = note;
    }

    public int Id { get; private set; }
    public PostStatus From { get; private set; }
    public PostStatus To { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
}
