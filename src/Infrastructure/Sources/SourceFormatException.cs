namespace Digest.Infrastructure.Sources;

/// <summary>A document that could not be read as the source's kind. The message is shown to the editor as is.</summary>
public sealed class SourceFormatException : Exception
{
    public SourceFormatException() { }

    public SourceFormatException(string message) : base(message) { }

    public SourceFormatException(string message, Exception innerException) : base(message, innerException) { }
}
