using Digest.Infrastructure.Alerts.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Alert rules, conditions, delivery (email through <see cref="IAlertMailer"/>, webhooks) and the Settings editor.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<AlertConditions>();
        services.AddScoped<AlertRecipients>();
        services.AddScoped<AlertDispatcher>();
        services.AddScoped<AlertMonitor>();
        services.AddScoped<AlertSettingsEditor>();
        services.AddSingleton<WebhookSender>();
        services.TryAddSingleton<IAlertMailer, EmailAlertMailer>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            // A webhook that redirects elsewhere is misconfigured; following it would post the alert to an address nobody chose.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
