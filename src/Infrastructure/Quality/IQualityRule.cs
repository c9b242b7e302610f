using Digest.Domain.Posts;

namespace Digest.Infrastructure.Quality;

/// <summary>
/// A check of the quality gate that needs more than the post and <see cref="QualityContext"/> (its own data, its
/// own service). Each is registered on its own and the gate adds what it finds to the post's other problems.
/// </summary>
public interface IQualityRule
{
    Task<IReadOnlyList<string>> FindAsync(Post post, CancellationToken cancellationToken);
}
