using System.Security.Cryptography;
using System.Text;

namespace Digest.Domain.Newsletter;

/// <summary>Unguessable tokens for links in emails (256 random bits, URL-safe), and the hash that is stored instead of a token.</summary>
public static class Tokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token as links carry it: 43 URL-safe characters. Anything else is refused before the database is asked.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
