using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class SendingIsPaced
{
    [Fact]
    public async Task Messages_are_spread_evenly_at_the_configured_rate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        var options = EmailOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:Email:MessagesPerMinute"] = "30" }).Build());
        using var pacer = new SendPacer(options, clock);

        await pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        // After a quiet spell the next message goes at once: no burst is saved up, and none is owed.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }
}
