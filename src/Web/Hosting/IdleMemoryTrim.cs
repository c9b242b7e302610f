using System.Runtime;

namespace Digest.Web.Hosting;

/// <summary>
/// Gives memory back after a burst. The GC only runs when something allocates, so after a spike of traffic the heap it
/// grew stays committed however long the site then sits idle. Once requests have stopped for a minute after a busy
/// spell, one aggressive, compacting collection returns what the spike left behind (ADR 0029); while the quiet lasts,
/// it runs again at most every five minutes if the background work (jobs, timers) made the working set grow by 5 %.
/// It never runs while requests are being served.
/// Separately, whenever the JIT has compiled at least <see cref="JitBurst"/> methods since the last look (every
/// <see cref="JitTick"/>), the C heap's free pages go back too (<see cref="NativeHeap"/>): warming up, and the first
/// seconds of a burst (when the hot code is compiled again, optimised), leave the JIT's scratch memory behind, about
/// 12–14 MB of the site's resident set. That takes no collection and no lock the requests wait on (1–7 ms measured),
/// so it may run under load; once the code is compiled it stops.
/// </summary>
internal sealed class IdleMemoryTrim(TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService, IStartupFilter
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Again = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan JitTick = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(15);
    private const long JitBurst = 100;
    private long _requests;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            Interlocked.Increment(ref _requests);
            return nextMiddleware(context);
        });
        next(app);
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(JitTick, clock);
        var idleCheckedAt = clock.GetUtcNow();
        var seen = Interlocked.Read(ref _requests);
        var lastRequestAt = clock.GetUtcNow();
        var trimmed = true;
        var trimmedAt = DateTimeOffset.MinValue;
        var afterTrim = long.MaxValue;
        var compiledAtTrim = 0L;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            if (compiled - compiledAtTrim >= JitBurst)
            {
                var (before, started) = (Environment.WorkingSet, clock.GetTimestamp());
                NativeHeap.Trim();
                logger.LogDebug("The JIT compiled {Methods} methods; after trimming the C heap in {Elapsed} ms: working set {Before} MB → {After} MB",
                    compiled - compiledAtTrim, clock.GetElapsedTime(started).TotalMilliseconds, before >> 20, Environment.WorkingSet >> 20);
                compiledAtTrim = compiled;
            }

            if (clock.GetUtcNow() - idleCheckedAt < IdleTick)
            {
                continue;
            }

            idleCheckedAt = clock.GetUtcNow();
            var now = Interlocked.Read(ref _requests);
            if (now != seen)
            {
                // Busy: remember it; a handful of requests (health checks) is not a spell worth trimming after.
                trimmed = trimmed && now - seen < 100;
                (seen, lastRequestAt) = (now, clock.GetUtcNow());
                continue;
            }

            var regrown = trimmedAt != DateTimeOffset.MinValue && clock.GetUtcNow() - trimmedAt >= Again && Environment.WorkingSet > afterTrim + (afterTrim / 20);
            if ((!trimmed || regrown) && clock.GetUtcNow() - lastRequestAt >= Quiet)
            {
                var before = Environment.WorkingSet;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                (trimmed, trimmedAt, afterTrim) = (true, clock.GetUtcNow(), Environment.WorkingSet);
                logger.LogInformation("Idle after a busy spell: working set {Before} MB → {After} MB", before >> 20, Environment.WorkingSet >> 20);
            }
        }
    }
}

internal static class IdleMemoryTrimExtensions
{
    public static IServiceCollection AddIdleMemoryTrim(this IServiceCollection services)
    {
        services.AddSingleton<IdleMemoryTrim>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryTrim>());
        services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<IdleMemoryTrim>());
        return services;
    }
}
