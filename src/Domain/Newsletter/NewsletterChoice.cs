namespace Digest.Domain.Newsletter;

/// <summary>
/// An editor's recorded choice for one post, made before it is published: email it to subscribers or not. Without a
/// choice a post is emailed. Publishing reads it when it writes the post's <see cref="Mailing"/>.
/// </summary>
public sealed class NewsletterChoice
{
    private NewsletterChoice() { }

    public NewsletterChoice(Guid postId, bool send, string by, DateTime at)
    {
        PostId = postId;
        Change(send, by, at);
    }

    public Guid PostId { get; private set; }
    public bool Send { get; private set; }
    public string ChosenBy { get; private set; } = "";
    public DateTime ChosenAt { get; private set; }

    public void Change(bool send, string by, DateTime at)
    {
        Send = send;
        ChosenBy = by;
        ChosenAt = at;
    }
}
