using Digest.Domain.Sources;

namespace Digest.Domain.Tests.Generation;

/// <summary>A failing source waits longer after each failure, longer still when the server asks, and says so.</summary>
public sealed class FailingSourcesBackOff
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_failure_in_a_row_doubles_the_wait_up_to_a_day_and_a_success_resets_it()
    {
        var source = new Source("Feed", new Uri("https://example.com/feed"), SourceKind.Feed);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            source.RecordFailure(Now, "HTTP 500");
            waits.Add(source.RetryAfter!.Value - Now);
        }

        Assert.Equal([15, 30, 60, 120, 240, 480, 960, 1440, 1440], waits.Select(w => w.TotalMinutes));
        Assert.Equal(SourceState.BackingOff, source.Health(Now).State);
        Assert.Equal("backing off until 2026-11-27 05:00 UTC after 9 failures in a row", source.Health(Now).Describe());
        Assert.False(source.IsDue(Now.AddHours(23)));
        Assert.Equal(SourceState.Failing, source.Health(Now.AddDays(2)).State);

        source.RecordSuccess(Now.AddDays(2), null, null);
        Assert.Equal(SourceState.Healthy, source.Health(Now.AddDays(2)).State);
        source.RecordFailure(Now.AddDays(2), "HTTP 500");
        Assert.Equal(TimeSpan.FromMinutes(15), source.RetryAfter - Now.AddDays(2));
    }

    [Fact]
    public void A_server_asking_for_longer_is_given_longer()
    {
        var source = new Source("Feed", new Uri("https://example.com/feed"), SourceKind.Feed);

        source.RecordFailure(Now, "HTTP 429 Too Many Requests", serverAskedToWait: TimeSpan.FromHours(2));

        Assert.Equal(Now.AddHours(2), source.RetryAfter);
    }

    [Fact]
    public void A_new_address_forgets_the_old_one_s_validators_and_failures()
    {
        var source = new Source("Feed", new Uri("https://example.com/feed"), SourceKind.Feed);
        source.RecordSuccess(Now, "\"v1\"", "Wed, 25 Nov 2026 10:00:00 GMT");
        source.RecordFailure(Now, "HTTP 500");

        source.Change("Feed", new Uri("https://example.com/other-feed"), SourceKind.Rss, SourceRole.Topics, 2);

        Assert.Null(source.ETag);
        Assert.Null(source.LastModified);
        Assert.True(source.IsDue(Now));
        Assert.Equal((SourceKind.Rss, SourceRole.Topics, 2.0), (source.Kind, source.Role, source.Weight));
    }
}
