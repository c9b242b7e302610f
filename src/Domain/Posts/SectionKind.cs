namespace Digest.Domain.Posts;

/// <summary>The parts of the house format, in the order they appear in a post.</summary>
public enum SectionKind
{
    /// <summary>The disclosure box at the top of a post.</summary>
    Notice,
    /// <summary>One numbered topic of "Possible consequences of current developments".</summary>
    Topic,
    /// <summary>One headline of "Currently trending topics".</summary>
    Trending,
    /// <summary>One subject of "GPT predicts future events".</summary>
    Prediction,
    /// <summary>Free Markdown with an optional heading (imports that could not be understood, editor additions).</summary>
    Free,
}
