using Microsoft.AspNetCore.Identity;

namespace Digest.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name readers see on posts this user approved (<see cref="DisplayNames"/>). Accounts made before it was
    /// required may have none: readers then see the role ("an editor"), never the sign-in address.</summary>
    public string? DisplayName { get; set; }
}
