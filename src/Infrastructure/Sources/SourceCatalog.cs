using System.Text.RegularExpressions;
using Digest.Domain.Common;
using Digest.Domain.Sources;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Sources.Http;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Sources;

/// <summary>The operator's view of the sources (list with health, add, edit, enable, disable, test), shared by the
/// command line and the dashboard. Problems come back as <see cref="DomainException"/> with a sentence to show. Every
/// change is audited as the current actor (<see cref="AuditContext"/>); an address ingest would refuse is refused here.</summary>
public sealed partial class SourceCatalog(DigestDbContext db, SourcePreviewer previewer, SourceFetchingOptions fetching, TimeProvider clock)
{
    public async Task<IReadOnlyList<SourceStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var counts = await db.SourceItems.GroupBy(i => i.SourceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return [.. sources.Select(s => new SourceStatus(s, counts.GetValueOrDefault(s.Id), s.Health(now)))];
    }

    /// <summary>A source by its id, its name (any case) or its URL.</summary>
    public async Task<Source> FindAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        var key = idOrName.Trim();
        if (Guid.TryParse(key, out var id))
        {
            return await db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(key);
        }

        // A handful of rows: compared here, the same way on both databases (collations differ).
        var named = (await db.Sources.ToListAsync(cancellationToken))
            .Where(s => s.Name.Equals(key, StringComparison.OrdinalIgnoreCase) || s.Url == key)
            .ToList();
        return named switch
        {
            [var one] => one,
            [] => throw NotFound(key),
            _ => throw new DomainException($"{named.Count} sources are called \"{key}\"; use the id ({string.Join(", ", named.Select(s => s.Id))})."),
        };
    }

    /// <summary>Adds a source. Without a kind, the address tells it (Reddit, Hacker News, arXiv, …) or, when it cannot,
    /// the source is fetched once and its content tells; the preview of that fetch is returned.</summary>
    public async Task<(Source Source, SourcePreview? Preview)> AddAsync(SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var url = input.Address();
        Source.CheckWeight(input.Weight);
        if (await db.Sources.AnyAsync(s => s.Url == url.AbsoluteUri, cancellationToken))
        {
            throw new DomainException($"A source with the address {url.AbsoluteUri} already exists.");
        }

        await RefuseNonPublicAsync(input, url, "added", cancellationToken);
        SourcePreview? preview = null;
        var kind = input.Kind ?? SourceKindDetector.FromUrl(url);
        if (kind is null)
        {
            preview = await previewer.PreviewAsync(url, SourceKind.Feed, cancellationToken);
            if (preview.Result.Failed)
            {
                throw new DomainException($"Could not tell what kind of source {url} is: fetching it failed ({preview.Result.Error}). Give the kind.");
            }

            kind = preview.Kind;
        }

        var source = new Source(Named(input, url, kind.Value), url, kind.Value, input.Role, input.Weight);
        db.Sources.Add(source);
        db.Audit(clock, AuditActions.SourceAdded, AuditSubject.Source(source), $"{source.Kind}, {source.Role}, weight {source.Weight:0.##}");
        await db.SaveChangesAsync(cancellationToken);
        return (source, preview);
    }

    public async Task<Source> UpdateAsync(Guid id, SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var source = await FindAsync(id.ToString(), cancellationToken);
        var url = input.Address();
        if (url.AbsoluteUri != source.Url && await db.Sources.AnyAsync(s => s.Url == url.AbsoluteUri && s.Id != id, cancellationToken))
        {
            throw new DomainException($"Another source already reads {url.AbsoluteUri}.");
        }

        if (url.AbsoluteUri != source.Url)
        {
            await RefuseNonPublicAsync(input, url, "changed", cancellationToken);
        }

        var kind = input.Kind ?? SourceKindDetector.Detect(url);
        var before = Describe(source);
        source.Change(Named(input, url, kind), url, kind, input.Role, input.Weight);
        db.Audit(clock, AuditActions.SourceChanged, AuditSubject.Source(source), $"{before} → {Describe(source)}");
        await db.SaveChangesAsync(cancellationToken);
        return source;
    }

    public async Task<Source> SetEnabledAsync(string idOrName, bool enabled, CancellationToken cancellationToken = default)
    {
        var source = await FindAsync(idOrName, cancellationToken);
        if (enabled)
        {
            source.Enable();
        }
        else
        {
            source.Disable();
        }

        db.Audit(clock, enabled ? AuditActions.SourceEnabled : AuditActions.SourceDisabled, AuditSubject.Source(source));
        await db.SaveChangesAsync(cancellationToken);
        return source;
    }

    /// <summary>Fetches a source now, stored or not, and says what would be read, without storing anything.</summary>
    /// <param name="idOrUrl">An address, or the id or name of a stored source.</param>
    /// <param name="kind">Read it as this kind instead of the stored or detected one.</param>
    public async Task<SourcePreview> TestAsync(string idOrUrl, SourceKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrUrl);
        if (Uri.TryCreate(idOrUrl.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            var stored = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Url == url.AbsoluteUri, cancellationToken);
            return await previewer.PreviewAsync(url, kind ?? stored?.Kind, cancellationToken);
        }

        var source = await FindAsync(idOrUrl, cancellationToken);
        return await previewer.PreviewAsync(source.Address, kind ?? source.Kind, cancellationToken);
    }

    private async Task RefuseNonPublicAsync(SourceInput input, Uri url, string verb, CancellationToken cancellationToken)
    {
        if (await SourceAddressCheck.RefusalAsync(url, fetching.AllowPrivateNetworks, cancellationToken) is { } refusal)
        {
            var name = string.IsNullOrWhiteSpace(input.Name) ? url.Host : input.Name.Trim();
            throw new DomainException($"Source \"{name}\" ({url.AbsoluteUri}) was not {verb}: {refusal}.");
        }
    }

    private static string Describe(Source source) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source.Name}, {source.Url}, {source.Kind}, {source.Role}, weight {source.Weight:0.##}");

    /// <summary>The name given, or one people recognise: "r/LocalLLaMA", "Hacker News", "arXiv cs.CL", else the host.</summary>
    private static string Named(SourceInput input, Uri url, SourceKind kind)
    {
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            return input.Name;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return kind switch
        {
            SourceKind.Reddit when segments is ["r", var sub, ..] => "r/" + sub,
            SourceKind.HackerNews => "Hacker News",
            SourceKind.Arxiv when ArxivCategory().Match(url.OriginalString) is { Success: true } m => "arXiv " + m.Groups[1].Value,
            _ => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host,
        };
    }

    [GeneratedRegex(@"(?:cat:|/list/|/rss/)([a-z\-]+\.[A-Za-z]{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivCategory();

    private static DomainException NotFound(string key) => new($"No source has the id, name or address \"{key}\".");
}

/// <summary>A source and how it is doing.</summary>
public sealed record SourceStatus(Source Source, int ItemCount, SourceHealth Health);

/// <summary>What an operator says about a source when adding or editing it.</summary>
public sealed record SourceInput(string Url, SourceKind? Kind = null, string? Name = null, SourceRole Role = SourceRole.Both, double Weight = 1.0)
{
    public Uri Address() =>
        Uri.TryCreate(Url?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new DomainException($"\"{Url}\" is not an absolute http or https address.");
}
