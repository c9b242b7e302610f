namespace Digest.Infrastructure.Hugo;

/// <summary>A file that cannot be read as a Hugo post; the message is shown to the person importing it.</summary>
public sealed class HugoFormatException(string message) : Exception(message);
