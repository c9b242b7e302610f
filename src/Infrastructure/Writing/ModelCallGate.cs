namespace Digest.Infrastructure.Writing;

/// <summary>Bounds how many sections are being written at once (<c>Digest:Llm:MaxParallelism</c>), across all runs in the process.</summary>
public sealed class ModelCallGate(int maxParallelism) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxParallelism, maxParallelism);

    public int MaxParallelism { get; } = maxParallelism;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
