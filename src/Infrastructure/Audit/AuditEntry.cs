namespace Digest.Infrastructure.Audit;

/// <summary>
/// One line of the audit log: who did what to which post, source, prompt, setting, user or job, when, and from
/// where. Entries are only ever added; nothing in the app changes or deletes them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; } = "";
    /// <summary>The account's id, when the actor is a dashboard user (names can change; ids do not).</summary>
    public string? ActorId { get; private set; }
    /// <summary>From where: the client's IP address for the dashboard, "command line on host", "job server on host".</summary>
    public string? Origin { get; private set; }
    /// <summary>What happened, e.g. "post.saved", "settings.saved", "user.locked-out" (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = "";
    public string SubjectKind { get; private set; } = "";
    public string? SubjectId { get; private set; }
    /// <summary>A name a person recognises (post title and slug, user email), kept as it was at the time.</summary>
    public string? SubjectLabel { get; private set; }
    public string? Details { get; private set; }

    /// <summary>An entry by <paramref name="actor"/>; the account id and origin come from <see cref="AuditContext.Current"/>.</summary>
    public static AuditEntry Record(DateTime at, string actor, string action, AuditSubject subject, string? details = null) => new()
    {
        At = at,
        Actor = Limit(string.IsNullOrWhiteSpace(actor) ? AuditContext.Current?.Name ?? "unknown" : actor.Trim(), 256),
        ActorId = AuditContext.Current?.UserId,
        Origin = AuditContext.Current?.Origin is { } origin ? Limit(origin, 200) : null,
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
    public const string SourceKind = "source";
    public const string PromptKind = "prompt";
    public const string JobKind = "job";
    public const string ArchiveKind = "archive";

    public static AuditSubject Post(Domain.Posts.Post post) => new(PostKind, post.Id.ToString(), $"{post.Title} ({post.Slug})");

    public static readonly AuditSubject Settings = new(SettingsKind, null, "site settings");

    public static AuditSubject User(string id, string? email) => new(UserKind, id, email);

    public static AuditSubject Source(Domain.Sources.Source source) => new(SourceKind, source.Id.ToString(), $"{source.Name} ({source.Url})");

    public static AuditSubject Prompt(string name) => new(PromptKind, name, name);

    public static AuditSubject Job(string name, string? id = null) => new(JobKind, id, name);

    /// <summary>An import or export of posts as Hugo files.</summary>
    public static AuditSubject Archive(string label) => new(ArchiveKind, null, label);
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
    public const string UserPasswordReset = "user.password-reset";
    public const string UserDeleted = "user.deleted";
    public const string SignedIn = "account.signed-in";
    public const string SignedOut = "account.signed-out";
    public const string SignInRefusedLocked = "account.refused-locked";
    public const string LockedOutBySignIns = "account.locked-out";
    public const string SourceAdded = "source.added";
    public const string SourceChanged = "source.changed";
    public const string SourceEnabled = "source.enabled";
    public const string SourceDisabled = "source.disabled";
    public const string PromptSaved = "prompt.saved";
    public const string PromptActivated = "prompt.activated";
    public const string PromptDryRun = "prompt.dry-run";
    public const string PostImported = "post.imported";
    public const string ImportFinished = "import.finished";
    public const string ExportDownloaded = "export.downloaded";
    public const string JobTriggered = "job.triggered";
    public const string JobDashboardAction = "job.dashboard";
    public const string RunRecovered = "run.recovered";
}

/// <summary>Writes audit entries next to the change they describe, so both are saved (or not) together.</summary>
public static class AuditTrail
{
    /// <summary>Adds an entry by the current actor (<see cref="AuditContext"/>) to <paramref name="db"/>; the caller's SaveChanges stores it.</summary>
    public static void Audit(this Data.DigestDbContext db, TimeProvider clock, string action, AuditSubject subject, string? details = null, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, actor ?? "", action, subject, details));
    }
}
