using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Newsletter;

/// <summary>
/// How the newsletter is delivered (<c>Digest:Newsletter:*</c>); the defaults suit a production relay. Tests shorten the
/// waits. The SMTP server, the sender and the rate are the shared <c>Digest:Email</c> settings.
/// </summary>
public sealed record NewsletterOptions
{
    public const string Section = "Digest:Newsletter";

    /// <summary>Deliveries read from the database at a time.</summary>
    public int BatchSize { get; init; } = 200;
    /// <summary>Tries per delivery (temporary refusals, broken connections) before it is marked failed.</summary>
    public int MaxAttempts { get; init; } = 10;
    /// <summary>Permanent (5xx) refusals in a row after which a subscriber is marked bounced.</summary>
    public int BounceAfter { get; init; } = 2;
    /// <summary>How long a worker holds a mailing without renewing it; after a crash another takes over after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>How often the job server looks for mailings and confirmations to send (a publish in this process wakes it at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; init; } = TimeSpan.FromHours(48);
    /// <summary>At most one confirmation email per address in this time, however often the form is sent.</summary>
    public TimeSpan ConfirmationCooldown { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Unconfirmed addresses are deleted this long after their last request.</summary>
    public TimeSpan ForgetUnconfirmedAfter { get; init; } = TimeSpan.FromDays(30);

    public static NewsletterOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new NewsletterOptions();
        return new NewsletterOptions
        {
            BatchSize = Int(section, nameof(BatchSize), defaults.BatchSize, 1, 10_000),
            MaxAttempts = Int(section, nameof(MaxAttempts), defaults.MaxAttempts, 1, 100),
            BounceAfter = Int(section, nameof(BounceAfter), defaults.BounceAfter, 1, 100),
            Lease = Time(section, nameof(Lease), defaults.Lease),
            PollInterval = Time(section, nameof(PollInterval), defaults.PollInterval),
            ConfirmationLifetime = Time(section, nameof(ConfirmationLifetime), defaults.ConfirmationLifetime),
            ConfirmationCooldown = Time(section, nameof(ConfirmationCooldown), defaults.ConfirmationCooldown, allowZero: true),
            ForgetUnconfirmedAfter = Time(section, nameof(ForgetUnconfirmedAfter), defaults.ForgetUnconfirmedAfter),
        };
    }

    private static int Int(IConfigurationSection section, string name, int fallback, int min, int max) =>
        section[name] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new InvalidOperationException($"{Section}:{name} is \"{text}\"; it must be a whole number from {min} to {max}.");

    private static TimeSpan Time(IConfigurationSection section, string name, TimeSpan fallback, bool allowZero = false) =>
        section[name] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)) ? value
        : throw new InvalidOperationException($"{Section}:{name} is \"{text}\"; use a time span such as 00:02:00.");
}
