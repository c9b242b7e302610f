using Digest.Infrastructure.Alerts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Jobs;
using Digest.Infrastructure.Newsletter;
using Digest.Infrastructure.Predictions;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Settings;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Digest.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Everything below the web layer: database, sources, writer, publishing, editing and jobs.</summary>
    /// <param name="runJobs">False for the command line: it triggers work directly and must not start a job server.
    /// <c>Digest:Jobs:Server=false</c> also keeps the server off (a second web instance, or tests).</param>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder, bool runJobs)
    {
        var services = builder.Services;
        var database = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDigestDatabase(database);
        services.AddSourceFetching(builder.Configuration);
        services.AddPublishing();
        services.AddWriting(builder.Configuration);
        services.AddQualityGate(builder.Configuration);

        services.AddIngestion(builder.Configuration);
        services.AddGeneration(builder.Configuration);
        services.AddScoped<PostEditor>();
        services.AddHugoImportExport();
        services.AddPredictions();
        services.AddScoped<SiteSettingsEditor>();
        services.AddScoped<PostGrid>();
        services.AddScoped<Today.TodayReport>();
        services.AddScoped<Audit.AuditLog>();
        services.AddAlerts();
        services.AddSingleton<SiteSettingsStore>();
        services.TryAddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        var runServer = runJobs && builder.Configuration.GetValue("Digest:Jobs:Server", true);
        services.AddDigestJobs(database, runServer, GenerationOptions.Duration(builder.Configuration["Digest:Jobs:PollInterval"]));
        // Outgoing email is shared: the newsletter and the operations alerts both send through IEmailSender.
        services.AddEmail(builder.Configuration);
        services.AddNewsletter(builder.Configuration, runServer);
        return builder;
    }
}
