using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Dispatching;
using Digest.Infrastructure.Newsletter;
using Digest.TestSupport;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Newsletter;

/// <summary>
/// A site without an SMTP server keeps its posts' mailings queued in the database; it does not queue a job for each one
/// every time the dispatcher looks (a job per published post, for ever). With e-mail configured the same mailing is queued.
/// </summary>
public sealed class WithoutEmailMailingsWaitInTheDatabase
{
    [Fact]
    public async Task Without_email_no_job_is_queued_and_the_mailing_stays_queued()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite, settings => settings["Digest:Email:Smtp:Host"] = null);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.PublishAsync();

        var jobs = await DispatchAsync(host);

        Assert.Empty(jobs.Created);
        Assert.Equal(MailingStatus.Queued, (await host.MailingForAsync(post.Id)).Status);
    }

    [Fact]
    public async Task With_email_the_mailing_is_queued_as_a_job()
    {
        await using var host = await NewsletterHost.StartAsync(DatabaseProvider.Sqlite);
        await host.SubscribeAsync("ada@example.com");
        var post = await host.PublishAsync();
        var mailing = await host.MailingForAsync(post.Id);

        var jobs = await DispatchAsync(host);

        var job = Assert.Single(jobs.Created);
        Assert.Equal(typeof(SendMailingJob), job.Type);
        Assert.Equal(mailing.Id, job.Args[0]);
    }

    private static async Task<RecordingJobs> DispatchAsync(NewsletterHost host)
    {
        var jobs = new RecordingJobs();
        await host.InScopeAsync(services => ActivatorUtilities.CreateInstance<NewsletterDispatch>(services, jobs).RunAsync());
        return jobs;
    }

    /// <summary>Hangfire's client as far as the dispatcher uses it: what it was asked to run.</summary>
    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
