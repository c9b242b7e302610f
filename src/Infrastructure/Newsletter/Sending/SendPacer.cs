using Digest.Infrastructure.Email;

namespace Digest.Infrastructure.Newsletter.Sending;

/// <summary>
/// Keeps this process under <c>Digest:Email:MessagesPerMinute</c>: each message gets the next free slot, one interval after
/// the last, so the rate is even rather than bursts at the top of each minute. Shared by every sender in the process.
/// </summary>
public sealed class SendPacer(EmailOptions options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public TimeSpan Interval { get; } = TimeSpan.FromMinutes(1) / options.MessagesPerMinute;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + Interval;
            if (slot > now)
            {
                await Task.Delay(slot - now, clock, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
