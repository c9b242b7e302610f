namespace Digest.Infrastructure.Audit;

/// <summary>
/// One line of the audit log: who did what to which post, setting or user, and when. Entries are only ever
/// added; nothing in the app changes or deletes them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; } = "";
    /// <summary>What happened, e.g. "post.saved", "settings.saved", "user.locked-out" (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = "";
    public string SubjectKind { get; private set; } = "";
    public string? SubjectId { get; private set; }
    /// <summary>A name a person recognises (post title and slug, user email), kept as it was at the time.</summary>
    public string? SubjectLabel { get; private set; }
    public string? Details { get; private set; }

    public static AuditEntry Record(DateTime at, string actor, string action, AuditSubject subject, string? details = null) => new()
    {
        At = at,
        Actor = Limit(string.IsNullOrWhiteSpace(actor) ? "unknown" : actor.Trim(), 256),
        Action = action,
        SubjectKind = subject.Kind,
        SubjectId = subject.Id,
        SubjectLabel = subject.Label is null ? null : Limit(subject.Label, 300),
        Details = string.IsNullOrWhiteSpace(details) ? null : Limit(details.Trim(), 2000),
    };

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>What an audit entry is about.</summary>
public sealed record AuditSubject(string Kind, string? Id, string? Label)
{
    public const string PostKind = "post";
    public const string SettingsKind = "settings";
    public const string UserKind = "user";

    public static AuditSubject Post(Domain.Posts.Post post) => new(PostKind, post.Id.ToString(), $"{post.Title} ({post.Slug})");

    public static readonly AuditSubject Settings = new(SettingsKind, null, "site settings");

    public static AuditSubject User(string id, string? email) => new(UserKind, id, email);
}

/// <summary>The actions the log records; filters in the dashboard use these names.</summary>
public static class AuditActions
{
    public const string PostSaved = "post.saved";
    public const string PostRestored = "post.restored";
    public const string PostSubmitted = "post.submitted";
    public const string PostPublished = "post.published";
    public const string PostScheduled = "post.scheduled";
    public const string PostRejected = "post.rejected";
    public const string PostUnpublished = "post.unpublished";
    public const string PostReopened = "post.reopened";
    public const string SettingsSaved = "settings.saved";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserLockedOut = "user.locked-out";
    public const string UserUnlocked = "user.unlocked";
    public const string UserRenamed = "user.renamed";
}
