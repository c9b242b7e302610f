using Xunit;

namespace Digest.TestSupport;

/// <summary>
/// The throwaway Redis server that the test script starts (DIGEST_TEST_REDIS, host:port). Tests share it, so each
/// gets a key prefix of its own (<see cref="NewInstanceName"/>) and never sees another's cache entries.
/// </summary>
public static class TestRedis
{
    public const string VariableName = "DIGEST_TEST_REDIS";

    public static string? Address => Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    public static string SkipReason => $"Redis tests need {VariableName}; ./test.sh starts a throwaway server and sets it.";

    public static string NewInstanceName() => $"digest-test-{Guid.NewGuid():N}:";
}

/// <summary>A fact that needs the test Redis server; skipped, saying why, when none was started.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (TestRedis.Address is null)
        {
            Skip = TestRedis.SkipReason;
        }
    }
}

/// <summary>A tool the test script provides by path in an environment variable (nginx, docker-compose).</summary>
public static class TestTools
{
    public static string? Nginx => Find("DIGEST_NGINX", "/usr/sbin/nginx");

    public static string? DockerCompose => Find("DIGEST_DOCKER_COMPOSE", "/usr/bin/docker-compose");

    private static string? Find(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path && File.Exists(path) ? path
        : File.Exists(fallback) ? fallback
        : null;
}

/// <summary>The repository's root (where Digest.sln is), found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Located = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Digest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Digest.sln was not found above " + AppContext.BaseDirectory);
    });

    public static string Path(params string[] parts) => System.IO.Path.Combine([Located.Value, .. parts]);
}
