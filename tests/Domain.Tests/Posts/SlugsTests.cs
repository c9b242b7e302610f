using Digest.Domain.Common;
using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("2025-02-05-ai-auto-summary", "2025-02-05-ai-auto-summary")]
    [InlineData("Why Mamba Disappeared?", "why-mamba-disappeared")]
    [InlineData("  Café -- résumé  ", "cafe-resume")]
    public void Slugs_are_lower_case_words_joined_by_hyphens(string text, string slug) =>
        Assert.Equal(slug, Slugs.Normalize(text));

    [Fact]
    public void A_slug_without_letters_or_digits_is_refused() =>
        Assert.Throws<DomainException>(() => Slugs.Normalize("?!"));

    [Fact]
    public void An_edition_has_a_dated_slug() =>
        Assert.Equal("2026-11-26-ai-digest", Slugs.ForEdition(new DateOnly(2026, 11, 26)));
}
