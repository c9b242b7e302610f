namespace Digest.Web.Components.Admin;

/// <summary>
/// Interactive pages live as long as a circuit; a DbContext must not. Each action of an admin page runs
/// in a scope of its own with fresh services.
/// </summary>
public static class ScopedWork
{
    public static async Task<TResult> RunAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
