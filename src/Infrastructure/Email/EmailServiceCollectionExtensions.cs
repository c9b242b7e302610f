using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Digest:Email</c> settings (<see cref="EmailOptions"/>, checked now: a wrong value stops start-up with its
    /// name) and the <see cref="IEmailSender"/>, for the newsletter and anything else that emails. Safe to call more than
    /// once: the first registration wins.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(EmailOptions)))
        {
            return services;
        }

        services.AddSingleton(EmailOptions.Read(configuration));
        services.TryAddSingleton<IEmailSender, SmtpMailer>();
        return services;
    }
}
