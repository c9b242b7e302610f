using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("post_sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Heading).HasMaxLength(1000);
        builder.Property(s => s.PredictedWhen).HasMaxLength(100);
        builder.Property(s => s.ThreadUrl).HasMaxLength(2000);
        builder.HasIndex(s => new { s.PostId, s.Position });
        builder.Ignore(s => s.Text);
        builder.HasMany(s => s.Sources).WithOne().HasForeignKey("SectionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Sources).HasField("_sources").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SectionSourceConfiguration : IEntityTypeConfiguration<SectionSource>
{
    public void Configure(EntityTypeBuilder<SectionSource> builder)
    {
        builder.ToTable("section_sources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Label).HasMaxLength(500);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.HasOne<SourceItem>().WithMany().HasForeignKey(s => s.SourceItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PostTransitionConfiguration : IEntityTypeConfiguration<PostTransition>
{
    public void Configure(EntityTypeBuilder<PostTransition> builder)
    {
        builder.ToTable("post_transitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.By).HasMaxLength(256);
        builder.Property(t => t.Note).HasMaxLength(2000);
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
