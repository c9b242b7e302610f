using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Domain.Sources;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Data;

/// <summary>
/// The one model of Digest, Identity tables included. Each database provider has a subclass of its own
/// (<see cref="SqliteDigestDbContext"/>, <see cref="PostgresDigestDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class DigestDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign cookies and antiforgery tokens, shared by every instance and process.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceItem> SourceItems => Set<SourceItem>();
    public DbSet<GenerationRun> GenerationRuns => Set<GenerationRun>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DigestDbContext).Assembly);
    }
}

public sealed class SqliteDigestDbContext(DbContextOptions<SqliteDigestDbContext> options) : DigestDbContext(options)
{
    // SQLite stores no time zone: every DateTime in Digest is UTC, so say so when reading it back.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class PostgresDigestDbContext(DbContextOptions<PostgresDigestDbContext> options) : DigestDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Search.PostgresSearchIndex.Configure(builder);
    }
}
