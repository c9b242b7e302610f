namespace Digest.Infrastructure.Identity;

/// <summary>The two roles of the dashboard. Admins manage settings, users, sources and jobs; editors review posts.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    /// <summary>For [Authorize(Roles = ...)]: anyone who may review posts.</summary>
    public const string AdminOrEditor = Admin + "," + Editor;

    public static readonly IReadOnlyList<string> All = [Admin, Editor];
}
