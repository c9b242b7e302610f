using Digest.Domain.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Writing.Grounding;

internal sealed class SourceEvidenceConfiguration : IEntityTypeConfiguration<SourceEvidence>
{
    public void Configure(EntityTypeBuilder<SourceEvidence> builder)
    {
        builder.ToTable("section_evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Label).HasMaxLength(500);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.Text).HasMaxLength(SourceEvidence.MaxTextLength);
        builder.Property(e => e.ThreadUrl).HasMaxLength(2000);
        builder.Property(e => e.ThreadSource).HasMaxLength(200);
        builder.Property(e => e.Author).HasMaxLength(200);
        builder.Ignore(e => e.CheckedText);
        // The evidence goes with its section; the item it was copied from may be pruned without it.
        builder.HasOne<Section>().WithMany().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SectionId, e.Position });
    }
}

internal sealed class SecondOpinionFindingConfiguration : IEntityTypeConfiguration<SecondOpinionFinding>
{
    public void Configure(EntityTypeBuilder<SecondOpinionFinding> builder)
    {
        builder.ToTable("second_opinion_findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sentence).HasMaxLength(2000);
        builder.Property(f => f.Reason).HasMaxLength(1000);
        builder.Property(f => f.Model).HasMaxLength(200);
        builder.Property(f => f.Prompt).HasMaxLength(200);
        builder.HasOne<Section>().WithMany().HasForeignKey(f => f.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.SectionId);
    }
}
