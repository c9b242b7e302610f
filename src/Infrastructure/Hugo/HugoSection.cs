using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>One section read from a Hugo post, as the domain will hold it.</summary>
public sealed record HugoSection(SectionKind Kind, SectionText Text)
{
    public static HugoSection Free(string? heading, string body) => new(SectionKind.Free, new SectionText(heading, body.Length == 0 ? null : body));
}
