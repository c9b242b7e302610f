using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Domain.Common;

namespace Digest.Domain.Newsletter;

/// <summary>
/// One reader's email address, as the subscribe form, an import or an admin gives it: a bare <c>name@domain</c>, checked
/// strictly enough that it can go into a mail header unchanged (no line breaks, no second address, no display name) and
/// stored in one spelling (lower case, the domain in its ASCII form) so the same reader is never two subscribers.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalLength = 64;
    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    /// <summary>What is kept of an address after its owner asked to be deleted: enough to recognise it, not to read it.</summary>
    public string SuppressionHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("digest-suppression:v1:" + Value)));

    public override string ToString() => Value;

    public static EmailAddress Parse(string? text) =>
        TryParse(text, out var address, out var error) ? address : throw new DomainException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out EmailAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = Check(text, out var normalized);
        if (error is null)
        {
            address = new EmailAddress(normalized!);
        }

        return error is null;
    }

    private static string? Check(string? text, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Enter an email address.";
        }

        // Before anything is trimmed: a line break is how a header gets injected, wherever it is.
        if (text.Any(c => c is '\r' or '\n' || char.IsControl(c)))
        {
            return "An email address cannot contain line breaks or control characters.";
        }

        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
        {
            return $"An email address is at most {MaxLength} characters long.";
        }

        if (trimmed.Any(c => c is ',' or ';' || char.IsWhiteSpace(c)) || trimmed.Count(c => c == '@') > 1)
        {
            return "Enter one email address only (no commas, semicolons or spaces).";
        }

        if (trimmed.Any(c => c is '<' or '>' or '"' or '(' or ')' or '[' or ']' or '\\' or ':'))
        {
            return "Enter just the address, like name@example.com (no name, quotes or brackets).";
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return "That is not an email address: it needs a name, an @ and a domain, like name@example.com.";
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..].TrimEnd('.');
        return CheckLocal(local) ?? CheckDomain(domain, out var asciiDomain) ?? Normalize(local, asciiDomain!, out normalized);
    }

    private static string? CheckLocal(string local)
    {
        if (local.Length > MaxLocalLength)
        {
            return $"The part before the @ is at most {MaxLocalLength} characters long.";
        }

        if (local.Any(c => c > 127))
        {
            return "The part before the @ must use plain letters, digits and . _ - + (most mail servers refuse other characters there).";
        }

        if (local.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '.' && !AtomSpecials.Contains(c, StringComparison.Ordinal)))
        {
            return "The part before the @ contains a character email addresses cannot have.";
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return "The part before the @ cannot start or end with a dot or have two dots in a row.";
        }

        // A spreadsheet opening an exported list would run a cell starting with these as a formula.
        if (local[0] is '=' or '+' or '-')
        {
            return "An address starting with =, + or - is not accepted.";
        }

        return null;
    }

    private static string? CheckDomain(string domain, out string? ascii)
    {
        ascii = null;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return $"\"{domain}\" is not a valid domain name.";
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63) || ascii.Length > 253)
        {
            return $"\"{domain}\" is not a domain that can receive mail (it needs a dot, like example.com).";
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return "Use a domain name after the @, not an IP address.";
        }

        return null;
    }

    private static string? Normalize(string local, string asciiDomain, out string? normalized)
    {
        normalized = $"{local.ToLowerInvariant()}@{asciiDomain}";
        return normalized.Length > MaxLength ? $"An email address is at most {MaxLength} characters long." : null;
    }
}
