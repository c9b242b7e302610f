using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Composing;
using Digest.Infrastructure.Newsletter.Dispatching;
using Digest.Infrastructure.Newsletter.Managing;
using Digest.Infrastructure.Newsletter.Sending;
using Digest.Infrastructure.Newsletter.Subscribing;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Newsletter;

public static class NewsletterServiceCollectionExtensions
{
    /// <summary>Subscribers, mailings and their delivery. With <paramref name="runServer"/>, this process also looks for
    /// newsletter work and runs it on a Hangfire queue of its own (<see cref="SendMailingJob.Queue"/>, one worker).</summary>
    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        services.AddEmail(configuration);
        services.AddSingleton(NewsletterOptions.Read(configuration));
        services.AddSingleton<SendPacer>();
        services.AddSingleton<RecentlyQueued>();
        services.AddSingleton<NewsletterAvailability>();
        services.AddScoped<NewsletterComposer>();
        services.AddScoped<MailingContent>();
        services.AddScoped<MailingSender>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<ConfirmationSender>();
        services.AddScoped<RoundupPlanner>();
        services.AddScoped<NewsletterDispatch>();
        services.AddScoped<SubscriberDirectory>();
        services.AddScoped<SubscriberCsv>();
        services.AddScoped<NewsletterReports>();
        services.AddScoped<PostNewsletter>();
        services.AddScoped<RoundupSettingsEditor>();
        services.AddScoped<SendMailingJob>();
        services.AddScoped<SendConfirmationJob>();
        if (runServer)
        {
            services.AddHostedService<NewsletterDispatcher>();
            services.AddHangfireServer(server =>
            {
                server.Queues = [SendMailingJob.Queue];
                server.WorkerCount = 1;
                // Only the worker: the jobs server beside it already schedules delayed and recurring jobs and keeps the
                // storage tidy; a second set of those would only be threads doing the same work twice.
                server.IsLightweightServer = true;
                server.ServerName = $"digest-newsletter-{Environment.MachineName}";
            });
        }

        return services;
    }
}
