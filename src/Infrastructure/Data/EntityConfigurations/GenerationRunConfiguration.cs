using Digest.Domain.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class GenerationRunConfiguration : IEntityTypeConfiguration<GenerationRun>
{
    public void Configure(EntityTypeBuilder<GenerationRun> builder)
    {
        builder.ToTable("generation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Trigger).HasMaxLength(300);
        builder.Property(r => r.Writer).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Message).HasMaxLength(4000);
        builder.Property(r => r.EstimatedCost).HasPrecision(18, 6);
        builder.HasIndex(r => r.StartedAt);
        builder.Property(r => r.Owner).HasMaxLength(200);
        builder.Property(r => r.JobId).HasMaxLength(100);
        // The edition's lock: at most one run per edition may be Running, whichever process or instance started it.
        // Both providers quote identifiers with double quotes and accept this filter as written.
        builder.HasIndex(r => r.EditionDate).IsUnique().HasFilter("\"Status\" = 'Running'").HasDatabaseName("IX_generation_runs_one_running_per_edition");
        builder.Property(r => r.Prompts).HasMaxLength(1000);
        builder.Ignore(r => r.Duration);
        builder.Ignore(r => r.TotalTokens);
        builder.Ignore(r => r.GroundedShare);
        builder.OwnsMany(r => r.SourceOutcomes, outcome => outcome.ToJson());
        builder.OwnsMany(r => r.SectionNotes, note => note.ToJson());
    }
}
