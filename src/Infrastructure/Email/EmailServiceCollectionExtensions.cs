using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The <c>Digest:Email</c> settings and the SMTP sender, for the newsletter and anything else that emails.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EmailOptions.Read(configuration));
        services.AddSingleton<SmtpMailer>();
        return services;
    }
}
