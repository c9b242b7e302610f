using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Writing.Usage;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Writing;

/// <summary>
/// Two job servers (two processes: each with services of its own) write sections at once against one daily budget.
/// Each call reserves what it may cost in the database before it is sent, so together they never pass the budget.
/// </summary>
public sealed class TwoServersCannotOverspendTheDailyBudgetTogether
{
    private const string Model = "gpt-4o-mini";
    private const long Budget = 12_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calls_reserved_at_once_by_two_servers_fit_in_the_room_the_ledger_leaves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SpentTodayAsync(database, 9_000);
        await using var serverA = database.BuildServices();
        await using var serverB = database.BuildServices();
        var a = Reservations(serverA, TimeProvider.System);
        var b = Reservations(serverB, TimeProvider.System);

        // Room for five calls of 600 tokens; twenty ask at once, half on each server.
        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).TryReserveAsync(Model, 600, Budget, CancellationToken.None)));

        Assert.Equal(5, granted.Count(g => g is not null));
        Assert.Null(await b.TryReserveAsync(Model, 600, Budget, CancellationToken.None));
        // Another model has a budget of its own.
        Assert.NotNull(await a.TryReserveAsync("llama3.1:8b", 600, Budget, CancellationToken.None));

        // A call that finished gives its reservation back; the other server can use the room at once.
        await a.ReleaseAsync(granted.First(g => g is not null)!.Value);
        Assert.NotNull(await b.TryReserveAsync(Model, 600, Budget, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reservations_of_a_server_that_died_mid_call_lapse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dead = database.BuildServices();
        await using var alive = database.BuildServices();
        Assert.NotNull(await Reservations(dead, clock).TryReserveAsync(Model, 12_000, Budget, CancellationToken.None));
        var survivor = Reservations(alive, clock);
        Assert.Null(await survivor.TryReserveAsync(Model, 600, Budget, CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.NotNull(await survivor.TryReserveAsync(Model, 600, Budget, CancellationToken.None));
    }

    private static DatabaseTokenReservations Reservations(ServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), clock, TimeSpan.FromMinutes(15));

    private static async Task SpentTodayAsync(TestDatabase database, int tokens)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        db.Set<ModelCallEntry>().Add(ModelCallEntry.Record(null, ModelCallPurpose.Generation, DateTime.UtcNow, "Topic \"earlier\"", "topic@v1", Model, tokens - 1_000, 1_000, TimeSpan.FromSeconds(1), 0.01m, false, false, true));
        await db.SaveChangesAsync();
    }
}
