using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Digest.Migrations;

// Used only by `dotnet ef` (migrations add, dbcontext optimize); the connection strings are placeholders that are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDigestDbContext>
{
    public SqliteDigestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteDigestDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteDigestDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDigestDbContext>
{
    public PostgresDigestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresDigestDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=digest_design");
        return new PostgresDigestDbContext(options.Options);
    }
}
