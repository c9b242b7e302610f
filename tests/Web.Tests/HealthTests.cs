using System.Net;
using Digest.Infrastructure.Data;
using Digest.TestSupport;

namespace Digest.Web.Tests;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_reports_the_database_and_job_storage(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
