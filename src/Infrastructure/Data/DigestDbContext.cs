using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Domain.Sources;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Data;

/// <summary>
/// The one model of Digest, Identity tables included. Each database provider has a subclass of its own
/// (<see cref="SqliteDigestDbContext"/>, <see cref="PostgresDigestDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class DigestDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
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

public sealed class SqliteDigestDbContext(DbContextOptions<SqliteDigestDbContext> options) : DigestDbContext(options);

public sealed class PostgresDigestDbContext(DbContextOptions<PostgresDigestDbContext> options) : DigestDbContext(options);
