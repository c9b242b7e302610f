using Npgsql;
using Xunit;

namespace Digest.TestSupport;

/// <summary>
/// The throwaway PostgreSQL server that the test script starts. Its address comes in the environment
/// variable DIGEST_TEST_POSTGRES (a connection string to a server-level database); every caller gets a
/// database of its own, so test classes never see each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string VariableName = "DIGEST_TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    public static string SkipReason =>
        $"PostgreSQL tests need {VariableName}; ./test.sh provisions a throwaway server and sets it.";

    /// <summary>Creates an empty database, or a copy of <paramref name="template"/>, and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "digest_test", string? template = null)
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = ServerConnectionString;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (server is null || name is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the test PostgreSQL server; skipped, saying why, when none was provisioned.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ServerConnectionString is null)
        {
            Skip = TestPostgres.SkipReason;
        }
    }
}

/// <summary>A theory that needs the test PostgreSQL server; skipped, saying why, when none was provisioned.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestPostgres.ServerConnectionString is null)
        {
            Skip = TestPostgres.SkipReason;
        }
    }
}
