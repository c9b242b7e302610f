namespace Digest.Infrastructure.Writing.Cache;

/// <summary>A validated answer the model gave for one prompt (see <see cref="ModelResponseKey"/>), kept so a retry does not pay twice.</summary>
public sealed class CachedModelAnswer
{
    private CachedModelAnswer() { }

    public CachedModelAnswer(string key, string answerJson, DateTime createdAt)
    {
        Key = key;
        AnswerJson = answerJson;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; } = "";
    public string AnswerJson { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
