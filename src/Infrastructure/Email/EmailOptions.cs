using System.Globalization;
using System.Runtime.CompilerServices;
using MimeKit;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Email;

/// <summary>How the SMTP connection is secured: <c>None</c> (plain, for a local relay), <c>StartTls</c> (required, never a
/// silent fall-back to plain text) or <c>Tls</c> (TLS from the first byte, usually port 465).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>The SMTP server: <c>Digest:Email:Smtp:Host</c>, <c>Port</c>, <c>Security</c>, <c>User</c>, <c>Password</c>, <c>Timeout</c>.</summary>
public sealed record SmtpSettings(string? Host, int Port, SmtpSecurity Security, string? User, string? Password, TimeSpan Timeout)
{
    public override string ToString() => $"{Host}:{Port} ({Security})";
}

/// <summary>
/// Outgoing email for everything that sends it (the newsletter, alerts): <c>Digest:Email:Smtp:*</c>, <c>Digest:Email:From</c>
/// (address and display name, e.g. <c>Daily AI Digest &lt;news@example.com&gt;</c>) and <c>Digest:Email:MessagesPerMinute</c>.
/// Email is off while no host is set. Read once at start-up; a wrong value stops the program with a message saying which.
/// The sender is kept as the checked text and made a <see cref="MailboxAddress"/> only when a message is sent, so a site
/// that sends no email never loads MimeKit (ADR 0043).
/// </summary>
public sealed record EmailOptions(SmtpSettings Smtp, string? Sender, int MessagesPerMinute)
{
    public const string Section = "Digest:Email";
    public const int DefaultMessagesPerMinute = 600;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The From mailbox; only asked for when email is configured, which guarantees it.</summary>
    public MailboxAddress From => MailboxAddress.Parse(Sender ?? throw new InvalidOperationException("Email is not configured: set Digest:Email:Smtp:Host and Digest:Email:From."));

    public static EmailOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var host = Blank(section["Smtp:Host"]);
        var security = ParseSecurity(section["Smtp:Security"]);
        var port = ParseInt(section["Smtp:Port"], "Digest:Email:Smtp:Port", DefaultPort(security), 1, 65535);
        var user = Blank(section["Smtp:User"]);
        var password = section["Smtp:Password"];
        var timeout = ParseTimeout(section["Smtp:Timeout"]);
        var rate = ParseInt(section["MessagesPerMinute"], "Digest:Email:MessagesPerMinute", DefaultMessagesPerMinute, 1, 1_000_000);
        var from = Blank(section["From"]);
        if (host is not null)
        {
            CheckFrom(from);
            if (user is not null && string.IsNullOrEmpty(password))
            {
                throw new InvalidOperationException("Digest:Email:Smtp:User is set but Digest:Email:Smtp:Password is empty; set the password (environment or user-secrets) or remove the user.");
            }
        }
        else if (from is not null)
        {
            CheckFrom(from);
        }

        return new EmailOptions(new SmtpSettings(host, port, security, user, password, timeout), from, rate);
    }

    private static int DefaultPort(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Tls => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    private static SmtpSecurity ParseSecurity(string? text) =>
        string.IsNullOrWhiteSpace(text) ? SmtpSecurity.StartTls
        : Enum.TryParse<SmtpSecurity>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new InvalidOperationException($"Digest:Email:Smtp:Security is \"{text}\"; use None, StartTls (the default) or Tls.");

    private static int ParseInt(string? text, string name, int fallback, int min, int max) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new InvalidOperationException($"{name} is \"{text}\"; it must be a whole number from {min} to {max}.");

    private static TimeSpan ParseTimeout(string? text) =>
        string.IsNullOrWhiteSpace(text) ? TimeSpan.FromSeconds(30)
        : TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(10) ? value
        : throw new InvalidOperationException($"Digest:Email:Smtp:Timeout is \"{text}\"; use a time such as 00:00:30 (at most 10 minutes).");

    // Its own method, so that reading settings without a sender does not load MimeKit to compile the check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckFrom(string? text)
    {
        if (text is null)
        {
            throw new InvalidOperationException("Digest:Email:Smtp:Host is set but Digest:Email:From is empty; set the sender, e.g. \"Daily AI Digest <news@example.com>\".");
        }

        if (text.Any(c => c is '\r' or '\n') || !InternetAddressList.TryParse(text, out var list) || list.Count != 1 || list[0] is not MailboxAddress mailbox
            || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Digest:Email:From is \"{text}\"; it must be one address, optionally with a name: \"Daily AI Digest <news@example.com>\".");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
