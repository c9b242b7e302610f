namespace Digest.Infrastructure.Hugo;

public enum HugoImportOutcome
{
    Imported,
    /// <summary>Imported whole as one free Markdown section: the body was not in the house format.</summary>
    ImportedAsFreeText,
    /// <summary>The file changed since it was last imported; the post now says what the file says.</summary>
    Updated,
    /// <summary>The same file was imported before; nothing was written.</summary>
    Unchanged,
    /// <summary>A post that is not in the database: unreadable, or its address belongs to a post that was not imported.</summary>
    Failed,
    /// <summary>Not a post at all (an image, a list page, macOS metadata).</summary>
    Skipped,
}

/// <summary>What happened to one file of an import, with the reason when it is not in, and what the person should know.</summary>
public sealed record HugoImportItem(string FileName, HugoImportOutcome Outcome, string? Slug, string? Reason, IReadOnlyList<string> Notes)
{
    public string Describe()
    {
        var what = Outcome switch
        {
            HugoImportOutcome.ImportedAsFreeText => "imported as free text",
            _ => Outcome.ToString().ToLowerInvariant(),
        };
        var where = Slug is null || Outcome is HugoImportOutcome.Failed or HugoImportOutcome.Skipped ? "" : $" → /posts/{Slug}/";
        var why = Reason is null ? "" : $": {Reason}";
        return $"{what,-21} {FileName}{where}{why}";
    }
}

/// <summary>The outcome of every file of an import, in the order they were read.</summary>
public sealed record HugoImportReport(IReadOnlyList<HugoImportItem> Items)
{
    public int Imported => Count(HugoImportOutcome.Imported);
    public int ImportedAsFreeText => Count(HugoImportOutcome.ImportedAsFreeText);
    public int Updated => Count(HugoImportOutcome.Updated);
    public int Unchanged => Count(HugoImportOutcome.Unchanged);
    public int Failed => Count(HugoImportOutcome.Failed);
    public int Skipped => Count(HugoImportOutcome.Skipped);

    public bool HasFailures => Failed > 0;

    public IEnumerable<HugoImportItem> Failures => Items.Where(i => i.Outcome == HugoImportOutcome.Failed);

    public string Summary =>
        $"imported {Imported}, updated {Updated}, unchanged {Unchanged}, imported as free text {ImportedAsFreeText}, failed {Failed}, skipped {Skipped}";

    private int Count(HugoImportOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}
