namespace Digest.Domain.Generation;

/// <summary>What one source gave a run: items read and new, or why it failed.</summary>
public sealed record SourceOutcome(Guid SourceId, string SourceName, bool Succeeded, int ItemsRead, int NewItems, bool NotModified, string? Error)
{
    public string Describe() => Succeeded
        ? NotModified ? $"{SourceName}: not modified since last fetch" : $"{SourceName}: {ItemsRead} items, {NewItems} new"
        : $"{SourceName}: {Error}";
}
