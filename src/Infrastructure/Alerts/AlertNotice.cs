namespace Digest.Infrastructure.Alerts;

/// <summary>
/// One problem, told once. The row is written before anything is sent, under a unique (kind, key) — the key names
/// the problem (the edition, the source and its failure streak, the draft, the run) — so however many checks or
/// instances see the same problem, one of them sends it. It also remembers the channels still to reach, so a
/// failed delivery is tried again a few times and never twice where it succeeded.
/// </summary>
public sealed class AlertNotice
{
    public const int MaxAttempts = 4;

    /// <summary>How long one delivery attempt may hold a notice before another process may try it.</summary>
    public static readonly TimeSpan DeliveryHold = TimeSpan.FromMinutes(2);

    private AlertNotice() { }

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>The dashboard page to open, as a path (e.g. /admin/runs).</summary>
    public string? Link { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public List<string> Pending { get; private set; } = [];
    public List<string> Delivered { get; private set; } = [];
    public int Attempts { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? LastError { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static AlertNotice Raise(RaisedAlert alert, IReadOnlyList<string> channels, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = alert.Kind,
        Key = alert.Key.Length <= 200 ? alert.Key : alert.Key[..200],
        Title = Limit(alert.Title, 300),
        Text = Limit(alert.Text, 4000),
        Link = alert.Link,
        RaisedAt = at,
        Pending = [.. channels],
        // The process that raised it delivers it; nobody else picks it up meanwhile.
        NextAttemptAt = at + DeliveryHold,
    };

    public AlertMessage Message(string site) => new(Kind, Title, Text, Link, RaisedAt, site, IsTest: false);

    /// <summary>Holds the notice for one delivery attempt, so another process does not send it at the same time.</summary>
    public void Claim(DateTime at, TimeSpan hold)
    {
        NextAttemptAt = at + hold;
        Version = Guid.NewGuid();
    }

    /// <summary>Records one attempt: what was reached and what failed; gives up after <see cref="MaxAttempts"/>.</summary>
    public void Record(IReadOnlyList<string> reached, IReadOnlyDictionary<string, string> failed, DateTime at)
    {
        Attempts++;
        Delivered = [.. Delivered, .. reached.Where(c => !Delivered.Contains(c))];
        Pending = [.. Pending.Where(failed.ContainsKey)];
        LastError = failed.Count == 0 ? null : Limit(string.Join("; ", failed.Select(f => $"{f.Key}: {f.Value}")), 2000);
        if (Pending.Count == 0 || Attempts >= MaxAttempts)
        {
            CompletedAt = at;
            NextAttemptAt = null;
        }
        else
        {
            // 1, 5, 15 minutes: a webhook that is down for a deploy gets its message after all.
            NextAttemptAt = at + TimeSpan.FromMinutes(Attempts switch { 1 => 1, 2 => 5, _ => 15 });
        }

        Version = Guid.NewGuid();
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>A problem (or news) a check found: <see cref="Key"/> says which, so it is told once.</summary>
public sealed record RaisedAlert(AlertKind Kind, string Key, string Title, string Text, string? Link);

/// <summary>What every channel sends: a title, a few lines, a link into the dashboard.</summary>
public sealed record AlertMessage(AlertKind Kind, string Title, string Text, string? Link, DateTime At, string Site, bool IsTest);
