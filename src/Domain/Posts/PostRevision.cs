using System.Text.Json;

namespace Digest.Domain.Posts;

/// <summary>A snapshot of a post's title and sections, taken on every save, so no edit is ever lost.</summary>
public sealed class PostRevision
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PostRevision() { }

    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public int Number { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? Note { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The sections as JSON (<see cref="RevisionSection"/>), so a revision never changes with the post.</summary>
    public string SectionsJson { get; private set; } = "[]";

    public static PostRevision Capture(Post post, int number, string by, DateTime at, string? note = null) => new()
    {
        Id = Guid.NewGuid(),
        PostId = post.Id,
        Number = number,
        CreatedAt = at,
        CreatedBy = by,
        Note = note,
        Title = post.Title,
        SectionsJson = JsonSerializer.Serialize(
            post.Sections.Select(s => new RevisionSection(s.Id, s.Kind, s.Text)).ToList(), Json),
    };

    public IReadOnlyList<RevisionSection> ReadSections() =>
        JsonSerializer.Deserialize<List<RevisionSection>>(SectionsJson, Json) ?? [];
}

public sealed record RevisionSection(Guid Id, SectionKind Kind, SectionText Text);
