using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Identity;

/// <summary>
/// Public names of dashboard accounts: what readers see in "read, reviewed and approved by …" on pages and in feeds.
/// A sign-in address is private; a public name must not be one, and an account without a name is shown by its role.
/// </summary>
public static partial class DisplayNames
{
    public const int MaxLength = 60;

    /// <summary>The name as it is stored: trimmed, inner runs of white space made one space.</summary>
    public static string Normalize(string? name) => Spaces().Replace(name ?? "", " ").Trim();

    /// <summary>Why <paramref name="name"/> cannot be a public name, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        var normalized = Normalize(name);
        if (normalized.Length == 0)
        {
            return "A public name is required: readers see it on every post this account approves.";
        }

        if (normalized.Length > MaxLength)
        {
            return $"A public name has at most {MaxLength} characters.";
        }

        if (LooksLikeAddress(normalized))
        {
            return "A public name must not be an email address: readers see it on every post this account approves.";
        }

        return normalized.Any(char.IsControl) ? "A public name cannot contain control characters." : null;
    }

    /// <summary>True for text that could be an email address, which is never shown to readers.</summary>
    public static bool LooksLikeAddress(string? text) => text?.Contains('@', StringComparison.Ordinal) == true;

    /// <summary>How readers see an account that has no public name: by its role.</summary>
    public static string ForRoles(IEnumerable<string?> roles) =>
        roles.Contains(Roles.Admin) && !roles.Contains(Roles.Editor) ? "an administrator" : "an editor";

    /// <summary>A reviewer nobody can name any more (an address of a deleted account).</summary>
    public const string Unnamed = "an editor";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
