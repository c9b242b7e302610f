namespace Digest.Web.Components.Admin.Editor;

/// <summary>A line of the editor's outline: a part of the post, where it is, and how many findings it has.</summary>
/// <param name="SectionId">The section to unfold before jumping; null for the post's details and its notice.</param>
public sealed record OutlineEntry(string Name, string? Summary, string TargetId, Guid? SectionId, int Findings);

public enum EditorPanel
{
    None,
    Findings,
    Outline,
    Publish,
}
