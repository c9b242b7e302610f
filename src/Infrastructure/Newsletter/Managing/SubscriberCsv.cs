using System.Globalization;
using CsvHelper;
using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Managing;

/// <summary>What an import did, line by line where something was refused.</summary>
public sealed record ImportReport(int Added, int Activated, int AlreadySubscribed, int KeptUnsubscribed, int Suppressed, IReadOnlyList<string> Problems)
{
    public string Describe() =>
        $"{Added} added, {Activated} pending made active, {AlreadySubscribed} already subscribed, {KeptUnsubscribed} kept unsubscribed or bounced, "
        + $"{Suppressed} deleted on request earlier (not added), {Problems.Count} refused";
}

/// <summary>
/// Subscribers in and out as CSV (RFC 4180, UTF-8, a header row). An import adds new addresses as active (the admin vouches
/// for their consent), activates pending ones, and never re-subscribes anyone who unsubscribed, bounced or was deleted on
/// request. A bad line is reported with its number and skipped; nothing is written unless the file can be read as a whole.
/// </summary>
public sealed class SubscriberCsv(DigestDbContext db, TimeProvider clock)
{
    public const int MaxRows = 200_000;
    private static readonly string[] EmailColumns = ["email", "email_address", "e-mail", "address", "mail"];
    private static readonly string[] FrequencyColumns = ["frequency", "cadence", "digest"];

    public async Task<ImportReport> ImportAsync(TextReader reader, string by, CancellationToken cancellationToken = default)
    {
        var rows = Read(reader);
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = rows.Where(r => r.Problem is not null).Select(r => $"line {r.Line}: {r.Problem}").ToList();
        var wanted = rows.Where(r => r.Address is not null).DistinctBy(r => r.Address!.Value).ToList();

        var emails = wanted.Select(r => r.Address!.Value).ToList();
        var existing = new Dictionary<string, Subscriber>(StringComparer.Ordinal);
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var subscriber in await db.Set<Subscriber>().Where(s => chunk.Contains(s.Email)).ToListAsync(cancellationToken))
            {
                existing[subscriber.Email] = subscriber;
            }

            var hashes = chunk.Select(e => EmailAddress.Parse(e).SuppressionHash).ToList();
            suppressed.UnionWith(await db.Set<Suppression>().Where(s => hashes.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(cancellationToken));
        }

        int added = 0, activated = 0, already = 0, kept = 0, blocked = 0;
        foreach (var row in wanted)
        {
            var address = row.Address!;
            if (existing.TryGetValue(address.Value, out var subscriber))
            {
                if (subscriber.ActivateFromImport(row.Frequency, now))
                {
                    activated++;
                }
                else if (subscriber.IsActive)
                {
                    already++;
                }
                else
                {
                    kept++;
                }
            }
            else if (suppressed.Contains(address.SuppressionHash))
            {
                blocked++;
            }
            else
            {
                db.Add(Subscriber.Imported(address, row.Frequency, now));
                added++;
            }
        }

        var report = new ImportReport(added, activated, already, kept, blocked, problems);
        db.Set<AuditEntry>().Add(AuditEntry.Record(now, by, NewsletterAudit.SubscribersImported, new AuditSubject(SubscriberDirectory.AuditKind, null, "subscribers"), report.Describe()));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Every subscriber, whatever their status, so a list moved elsewhere keeps its unsubscribes.</summary>
    public async Task<int> ExportAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        // A field starting with = + - @ is written with a leading apostrophe, so a spreadsheet shows it instead of running it.
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader("email", "status", "frequency", "source", "subscribed_at", "confirmed_at", "unsubscribed_at", "bounced_at");
        var count = 0;
        await foreach (var s in db.Set<Subscriber>().AsNoTracking().OrderBy(s => s.Email).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteRecord([s.Email, s.Status.ToString().ToLowerInvariant(), s.Frequency.ToString().ToLowerInvariant(), s.Source,
                Iso(s.CreatedAt), Iso(s.ConfirmedAt), Iso(s.UnsubscribedAt), Iso(s.BouncedAt)]);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private static List<CsvRow> Read(TextReader reader)
    {
        var options = new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, MaxRecordSize = 64 * 1024, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var rows = new List<CsvRow>();
        int? emailColumn = null;
        int? frequencyColumn = null;
        try
        {
            while (csv.Read())
            {
                if (emailColumn is null)
                {
                    var header = csv.Headers.ToArray();
                    emailColumn = Find(header, EmailColumns)
                        ?? throw new DomainException($"No email column: the header row is \"{string.Join(",", header)}\"; name the column \"email\".");
                    frequencyColumn = Find(header, FrequencyColumns);
                }

                if (rows.Count >= MaxRows)
                {
                    throw new DomainException($"The file has more than {MaxRows:N0} rows; split it.");
                }

                var line = csv.LineNumber;
                var text = emailColumn < csv.FieldCount ? csv.GetString(emailColumn.Value) : null;
                if (string.IsNullOrWhiteSpace(text) && Enumerable.Range(0, csv.FieldCount).All(csv.IsEmpty))
                {
                    continue;
                }

                var frequencyText = frequencyColumn is { } f && f < csv.FieldCount ? csv.GetString(f) : null;
                var frequency = ParseFrequency(frequencyText);
                if (frequency is null)
                {
                    rows.Add(new CsvRow(line, null, DeliveryFrequency.Daily, $"frequency \"{frequencyText}\" is neither daily nor weekly"));
                }
                else if (EmailAddress.TryParse(text, out var address, out var error))
                {
                    rows.Add(new CsvRow(line, address, frequency.Value, null));
                }
                else
                {
                    rows.Add(new CsvRow(line, null, DeliveryFrequency.Daily, $"{error} ({Shorten(text)})"));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new DomainException($"The file cannot be read as CSV: {ex.Message}");
        }

        if (emailColumn is null)
        {
            throw new DomainException("The file has no subscribers: a CSV of subscribers needs a header row with an \"email\" column, then one address per line.");
        }

        return rows;
    }

    private static int? Find(string[] header, string[] names)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (names.Contains(header[i].Trim().TrimStart('\uFEFF'), StringComparer.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static DeliveryFrequency? ParseFrequency(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "daily" or "each" or "every post" => DeliveryFrequency.Daily,
        "weekly" or "week" or "roundup" => DeliveryFrequency.Weekly,
        _ => null,
    };

    private static string Shorten(string? text)
    {
        if (text is null)
        {
            return "empty";
        }

        var visible = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return visible.Length <= 60 ? $"\"{visible}\"" : $"\"{visible[..57]}…\"";
    }

    private static string Iso(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private sealed record CsvRow(long Line, EmailAddress? Address, DeliveryFrequency Frequency, string? Problem);
}
