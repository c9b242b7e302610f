using Digest.Infrastructure.Email;
using Digest.Infrastructure.Settings;

namespace Digest.Infrastructure.Newsletter;

/// <summary>
/// Whether the newsletter can take subscribers: email is configured and the site knows its public address (links in
/// emails need it). Until then the public pages show no subscribe form, rather than one whose confirmation never comes.
/// </summary>
public sealed class NewsletterAvailability(IEmailSender mailer, SiteSettingsStore settings)
{
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default) =>
        mailer.IsConfigured && NewsletterSite.From(await settings.GetAsync(cancellationToken)) is not null;
}
