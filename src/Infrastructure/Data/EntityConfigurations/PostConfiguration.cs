using Digest.Domain.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.FeedId).HasMaxLength(500);
        builder.HasIndex(p => p.FeedId).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Description).HasMaxLength(1000);
        // One generated draft per edition, whatever runs at once: the database says no to a second.
        builder.HasIndex(p => p.EditionDate).IsUnique();
        builder.Property(p => p.Author).HasMaxLength(200);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.WrittenBy).HasMaxLength(200);
        builder.Property(p => p.ReviewedBy).HasMaxLength(256);
        builder.Property(p => p.RejectionReason).HasMaxLength(2000);
        builder.Property(p => p.QualityOverride).HasMaxLength(2000);
        builder.Property(p => p.ImportChecksum).HasMaxLength(100);
        builder.Property(p => p.ImportedFrom).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Status, p.PublishedAt });
        builder.ComplexProperty(p => p.Flags);
        builder.ComplexProperty(p => p.Cover, cover =>
        {
            cover.Property(c => c.Image).HasMaxLength(2000);
            cover.Property(c => c.Alt).HasMaxLength(500);
        });

        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Transitions).WithOne().HasForeignKey("PostId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsPublic);
    }
}
