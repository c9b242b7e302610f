using Hangfire.Common;

namespace Digest.Infrastructure.Jobs;

/// <summary>Hangfire's own filters (attributes, global filters) plus the ones Digest adds from its container.</summary>
internal sealed class DigestJobFilterProvider(JobTelemetryFilter telemetry) : IJobFilterProvider
{
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(telemetry, JobFilterScope.Global, null));
}
