namespace Digest.Domain.Newsletter;

/// <summary>How often a subscriber hears from us: every post, or one roundup of the week's posts.</summary>
public enum DeliveryFrequency
{
    Daily,
    Weekly,
}
