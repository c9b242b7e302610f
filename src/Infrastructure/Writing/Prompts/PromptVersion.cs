namespace Digest.Infrastructure.Writing.Prompts;

/// <summary>
/// One stored version of a prompt. Versions are never edited: saving makes a new one and makes it the active
/// version of its name, so a run's ledger (topic@v3) always points at the text that was really sent.
/// </summary>
public sealed class PromptVersion
{
    private PromptVersion() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Version { get; private set; }
    public string Text { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public bool IsActive { get; private set; }

    public string Label => $"{Name}@v{Version}";

    public static PromptVersion Create(string name, int version, string text, string createdBy, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Version = version,
        Text = text,
        CreatedBy = createdBy,
        CreatedAt = createdAt,
        IsActive = true,
    };

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    public PromptTemplate ToTemplate() => new(Name, Version, Text);
}
