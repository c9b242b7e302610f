using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// One section read from a Hugo post, as the domain will hold it: its fields, and the Markdown it was read from
/// (<see cref="Markdown"/>) with what stood before it in the file (<see cref="Lead"/>), so the post renders and
/// exports exactly as the file did until someone edits it.
/// </summary>
public sealed record HugoSection(SectionKind Kind, SectionText Text)
{
    public string? Lead { get; init; }

    public string? Markdown { get; init; }

    public static HugoSection Free(string? heading, string body) => new(SectionKind.Free, new SectionText(heading, body.Length == 0 ? null : body));
}
