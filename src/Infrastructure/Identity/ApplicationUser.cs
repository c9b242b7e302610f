using Microsoft.AspNetCore.Identity;

namespace Digest.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name readers see as the reviewing editor; the email when empty.</summary>
    public string? DisplayName { get; set; }

    public string PublicName => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? "editor" : DisplayName;
}
