using Digest.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("sources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.HasIndex(s => s.Url).IsUnique();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Ignore(s => s.Address);
    }
}

internal sealed class SourceItemConfiguration : IEntityTypeConfiguration<SourceItem>
{
    public void Configure(EntityTypeBuilder<SourceItem> builder)
    {
        builder.ToTable("source_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ExternalId).HasMaxLength(200);
        builder.Property(i => i.Title).HasMaxLength(1000);
        builder.Property(i => i.Url).HasMaxLength(2000);
        builder.Property(i => i.CanonicalUrl).HasMaxLength(2000);
        builder.Property(i => i.DiscussionUrl).HasMaxLength(2000);
        builder.Property(i => i.Excerpt).HasMaxLength(4000);
        builder.Property(i => i.Author).HasMaxLength(200);
        builder.Property(i => i.Flair).HasMaxLength(100);
        // The same story fetched again is updated, never stored twice.
        builder.HasIndex(i => new { i.SourceId, i.CanonicalUrl }).IsUnique();
        builder.HasIndex(i => i.CanonicalUrl);
        builder.HasIndex(i => i.LastSeenAt);
        builder.HasOne<Source>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
